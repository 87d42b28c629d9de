package com.mallbatch.sandbox.smartstore;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that happens to one product order, past and future, in time order, and its claim if it gets one. Asked
 * "as of now", it shows only the steps at or before now.
 */
record Lifecycle(List<Event> events, Claim claim) {

    record Event(Step step, LocalDateTime at) {
    }

    /** A cancel, return or exchange: its claimId, the buyer's reason and when it was requested. */
    record Claim(String type, String claimId, String reason, LocalDateTime requestedAt) {
    }

    Lifecycle {
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("A product order needs at least one event");
        }
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).at().isBefore(events.get(i - 1).at())) {
                throw new IllegalArgumentException("Events out of order: " + events);
            }
        }
    }

    /** When the product order first shows up: on payment, or on the order for a deposit still awaited. */
    LocalDateTime visibleFrom() {
        return events.get(0).at();
    }

    /** What the product order looks like at {@code now}; {@link State#exists()} is false before it shows up. */
    State at(LocalDateTime now) {
        State s = new State();
        for (Event e : events) {
            if (e.at().isAfter(now)) {
                break;
            }
            s.exists = true;
            Step step = e.step();
            if (step.status() != null) {
                s.status = step.status();
            }
            if (step.isClaim()) {
                s.claimStatus = step.claimStatus();
                s.claimType = claim.type();
            }
            if (step.changeType() != null) {
                s.lastChangedType = step.changeType();
                s.lastChangedDate = e.at();
            }
            switch (step) {
                case PAYED -> s.paymentDate = e.at();
                case PLACED -> s.placeOrderDate = e.at();
                case DISPATCHED -> s.sendDate = e.at();
                case DELIVERED -> s.deliveredDate = e.at();
                case PURCHASE_DECIDED -> s.decisionDate = e.at();
                case CANCEL_REQUESTED, RETURN_REQUESTED, EXCHANGE_REQUESTED -> s.claimRequestDate = e.at();
                case RETURN_COLLECT_DONE, EXCHANGE_COLLECT_DONE -> s.collectDoneDate = e.at();
                case EXCHANGE_REDELIVERING -> s.redeliveryDate = e.at();
                case CANCEL_DONE, RETURN_DONE, EXCHANGE_DONE -> s.claimCompletedDate = e.at();
                default -> {
                }
            }
        }
        return s;
    }

    /** When {@code step} happens (now or later), or null if it never does. */
    LocalDateTime date(Step step) {
        return events.stream().filter(e -> e.step() == step).map(Event::at).findFirst().orElse(null);
    }

    /**
     * This lifecycle with a return requested at {@code requestedAt}: what was still to come (delivery, purchase
     * decision) gives way to the return's own steps; collected a day after the request (or at completion, if
     * sooner) and completed at {@code completedAt}, or only requested when that is null.
     */
    Lifecycle withReturn(Claim returnClaim, LocalDateTime completedAt) {
        LocalDateTime requestedAt = returnClaim.requestedAt();
        List<Event> kept = new ArrayList<>(events.stream().filter(e -> e.at().isBefore(requestedAt)).toList());
        kept.add(new Event(Step.RETURN_REQUESTED, requestedAt));
        if (completedAt != null) {
            LocalDateTime collected = requestedAt.plusDays(1);
            kept.add(new Event(Step.RETURN_COLLECT_DONE, collected.isBefore(completedAt) ? collected : completedAt));
            kept.add(new Event(Step.RETURN_DONE, completedAt));
        }
        return new Lifecycle(kept, returnClaim);
    }

    /** A product order as of some moment; every date is null until its step happened. */
    static final class State {
        boolean exists;
        String status;
        String claimType;
        String claimStatus;
        String lastChangedType;
        LocalDateTime lastChangedDate;
        LocalDateTime paymentDate;
        LocalDateTime placeOrderDate;
        LocalDateTime sendDate;
        LocalDateTime deliveredDate;
        LocalDateTime decisionDate;
        LocalDateTime claimRequestDate;
        LocalDateTime collectDoneDate;
        LocalDateTime redeliveryDate;
        LocalDateTime claimCompletedDate;

        boolean exists() {
            return exists;
        }

        /** Cancelled or returned for good: nothing of it is kept, nothing remains to settle. */
        boolean gone() {
            return "CANCELED".equals(status) || "RETURNED".equals(status);
        }
    }
}
