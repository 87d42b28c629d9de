package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.cafe24.Timeline.Event;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws what happens to an order after checkout. Payment, placing, shipping and delivery happen once for the whole
 * order; then each item independently may be cancelled before shipping, returned, exchanged or purchase-confirmed,
 * so a multi-item order can end up partly cancelled or returned. Every time is drawn now, including those after the
 * mall's "now": moving the clock reveals them.
 */
final class ItemLifecycles {

    /** Cafe24 cancels an order whose bank deposit has not arrived after this long. */
    private static final Duration UNPAID_AUTO_CANCEL = Duration.ofDays(3);

    private final ClaimCodes claimCodes;

    ItemLifecycles(ClaimCodes claimCodes) {
        this.claimCodes = claimCodes;
    }

    /** How an order is paid: {@code paidAt} is null when the money never arrives. */
    record Payment(String method, LocalDateTime paidAt) {
    }

    /**
     * Card orders (90%) are paid within the hour; a bank deposit ("cash") arrives within three days for half of the
     * rest and never for the others.
     */
    static Payment payment(Random random, LocalDateTime orderedAt) {
        if (random.nextInt(10) != 0) {
            return new Payment("card", orderedAt.plusMinutes(1 + random.nextInt(50)));
        }
        return new Payment("cash", random.nextBoolean() ? orderedAt.plusMinutes(60 + random.nextInt(71 * 60)) : null);
    }

    /** One timeline per item of an order that was ordered at {@code orderedAt} and paid at {@code paidAt} (or never). */
    List<Timeline> timelines(Random random, LocalDateTime orderedAt, LocalDateTime paidAt, int itemCount) {
        List<Timeline> timelines = new ArrayList<>(itemCount);
        if (paidAt == null) {
            LocalDateTime cancelledAt = orderedAt.plus(UNPAID_AUTO_CANCEL);
            for (int i = 0; i < itemCount; i++) {
                timelines.add(new Timeline(List.of(new Event(ItemStep.ORDERED, orderedAt),
                        new Event(ItemStep.AUTO_CANCELLED, cancelledAt)),
                        claim(Claim.Type.CANCEL_BEFORE_PAYMENT, cancelledAt)));
            }
            return timelines;
        }
        LocalDateTime placedAt = paidAt.plusMinutes(120 + random.nextInt(18 * 60));
        LocalDateTime shippedAt = placedAt.plusMinutes(240 + random.nextInt(26 * 60));
        LocalDateTime deliveredAt = shippedAt.plusMinutes(24 * 60 + random.nextInt(48 * 60));
        for (int i = 0; i < itemCount; i++) {
            List<Event> events = new ArrayList<>(List.of(new Event(ItemStep.ORDERED, orderedAt), new Event(ItemStep.PAID, paidAt)));
            if (random.nextInt(100) < 8) {
                timelines.add(cancelBeforeShipping(random, events, paidAt, placedAt, shippedAt));
                continue;
            }
            events.add(new Event(ItemStep.PLACED, placedAt));
            events.add(new Event(ItemStep.SHIPPED, shippedAt));
            events.add(new Event(ItemStep.DELIVERED, deliveredAt));
            int roll = random.nextInt(100);
            if (roll < 7) {
                timelines.add(returned(random, events, deliveredAt));
            } else if (roll < 10) {
                timelines.add(exchanged(random, events, deliveredAt));
            } else {
                if (random.nextInt(10) < 6) {
                    events.add(new Event(ItemStep.PURCHASE_CONFIRMED, deliveredAt.plusMinutes(days(7) + random.nextInt(days(7)))));
                }
                timelines.add(new Timeline(events, null));
            }
        }
        return timelines;
    }

    /** The buyer cancels between payment and shipping; the mall accepts after 2 h and completes within a day. */
    private Timeline cancelBeforeShipping(Random random, List<Event> events, LocalDateTime paidAt,
                                          LocalDateTime placedAt, LocalDateTime shippedAt) {
        long window = Duration.between(paidAt, shippedAt).toMinutes() - 70;
        LocalDateTime requestedAt = paidAt.plusMinutes(10 + random.nextInt((int) Math.max(1, window)));
        if (placedAt.isBefore(requestedAt)) {
            events.add(new Event(ItemStep.PLACED, placedAt));
        }
        events.add(new Event(ItemStep.CANCEL_REQUESTED, requestedAt));
        events.add(new Event(ItemStep.CANCEL_ACCEPTED, requestedAt.plusHours(2)));
        events.add(new Event(ItemStep.CANCELLED, requestedAt.plusMinutes(180 + random.nextInt(21 * 60))));
        return new Timeline(events, claim(Claim.Type.CANCEL_BEFORE_SHIPPING, requestedAt));
    }

    /** Requested 1–45 days after delivery, so many land weeks after the order; accepted a day later, refunded 2–5 days after that. */
    private Timeline returned(Random random, List<Event> events, LocalDateTime deliveredAt) {
        LocalDateTime requestedAt = deliveredAt.plusMinutes(days(1) + random.nextInt(days(44)));
        LocalDateTime acceptedAt = requestedAt.plusDays(1);
        events.add(new Event(ItemStep.RETURN_REQUESTED, requestedAt));
        events.add(new Event(ItemStep.RETURN_ACCEPTED, acceptedAt));
        events.add(new Event(ItemStep.RETURNED, acceptedAt.plusMinutes(days(2) + random.nextInt(days(3)))));
        return new Timeline(events, claim(Claim.Type.RETURN, requestedAt));
    }

    /** Requested 1–10 days after delivery, accepted a day later, complete 3–7 days after the request. */
    private Timeline exchanged(Random random, List<Event> events, LocalDateTime deliveredAt) {
        LocalDateTime requestedAt = deliveredAt.plusMinutes(days(1) + random.nextInt(days(9)));
        events.add(new Event(ItemStep.EXCHANGE_REQUESTED, requestedAt));
        events.add(new Event(ItemStep.EXCHANGE_ACCEPTED, requestedAt.plusDays(1)));
        events.add(new Event(ItemStep.EXCHANGED, requestedAt.plusMinutes(days(3) + random.nextInt(days(4)))));
        return new Timeline(events, claim(Claim.Type.EXCHANGE, requestedAt));
    }

    private Claim claim(Claim.Type type, LocalDateTime requestedAt) {
        return new Claim(type, claimCodes.next(type, requestedAt.toLocalDate()), requestedAt);
    }

    private static int days(int n) {
        return n * 24 * 60;
    }
}
