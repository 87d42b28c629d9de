package com.mallbatch.sandbox.cafe24;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that happens to one order item, past and future, in time order, and its claim if it gets one. Asked
 * "as of now", it shows only the events at or before now: the status of the last of them, and null for every later
 * date.
 */
record Timeline(List<Event> events, Claim claim) {

    record Event(ItemStep step, LocalDateTime at) {
    }

    Timeline {
        events = List.copyOf(events);
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).at().isBefore(events.get(i - 1).at())) {
                throw new IllegalArgumentException("Events out of order: " + events);
            }
        }
    }

    String status(LocalDateTime now) {
        return statusBefore(now, true);
    }

    /** When the step happened, or null when it did not happen by now. */
    LocalDateTime date(ItemStep step, LocalDateTime now) {
        for (Event e : events) {
            if (e.at().isAfter(now)) {
                return null;
            }
            if (e.step() == step) {
                return e.at();
            }
        }
        return null;
    }

    /** The claim once it has begun, else null. */
    Claim claim(LocalDateTime now) {
        return claim == null || claim.requestedAt().isAfter(now) ? null : claim;
    }

    /** order_status_before_cs: the status the item had when its claim began. */
    String statusBeforeClaim() {
        return statusBefore(claim.requestedAt(), false);
    }

    /**
     * This timeline with a return claim from {@code requestedAt}: what was still to come (delivery, purchase
     * confirmation) gives way to the return's own steps.
     */
    Timeline withReturn(Claim returnClaim, LocalDateTime acceptedAt, LocalDateTime refundedAt) {
        List<Event> kept = new ArrayList<>(events.stream().filter(e -> e.at().isBefore(returnClaim.requestedAt())).toList());
        kept.add(new Event(ItemStep.RETURN_REQUESTED, returnClaim.requestedAt()));
        if (acceptedAt != null) {
            kept.add(new Event(ItemStep.RETURN_ACCEPTED, acceptedAt));
        }
        if (refundedAt != null) {
            kept.add(new Event(ItemStep.RETURNED, refundedAt));
        }
        return new Timeline(kept, returnClaim);
    }

    private String statusBefore(LocalDateTime moment, boolean inclusive) {
        String status = null;
        for (Event e : events) {
            if (inclusive ? e.at().isAfter(moment) : !e.at().isBefore(moment)) {
                break;
            }
            if (e.step().status() != null) {
                status = e.step().status();
            }
        }
        return status;
    }
}
