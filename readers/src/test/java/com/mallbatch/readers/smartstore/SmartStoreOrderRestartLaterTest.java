package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.Order;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart some time after the kill, as after a night's failure: meanwhile product orders the killed reader had
 * already handed out changed again and left the window, so the page it was in no longer starts where it did. Every
 * order still in the window must be handed out all the same.
 */
class SmartStoreOrderRestartLaterTest {

    static final String SELLER = "smartstore01";
    static final LocalDate DAY = SmartStoreSandbox.TODAY.minusDays(1);

    @Test
    void ordersStillInTheWindowAreReadWhenTheRestartComesAfterTheFeedMoved() throws Exception {
        try (SmartStoreSandbox sandbox = SmartStoreSandbox.start(SmartStoreSandbox.config().withSmartStoreSellers(1)
                .withSize(60, 4, 250, 14).withSmartStoreRate(1_000))) {
            ExecutionContext context = new ExecutionContext();
            ItemStreamReader<Order> killed = reader(sandbox);
            killed.open(context);
            List<Order> committed = SmartStoreSandbox.read(killed, 300); // into the second page
            killed.update(context);

            sandbox.seller(SELLER).advanceClock(SmartStoreSandbox.TODAY.plusDays(1)); // the next day's changes
            List<Order> rest = SmartStoreSandbox.readAll(reader(sandbox), new ExecutionContext(context));

            List<String> union = new ArrayList<>();
            committed.forEach(o -> union.add(o.orderId()));
            rest.forEach(o -> union.add(o.orderId()));
            Set<String> missing = new TreeSet<>(sandbox.ordersChangedOn(SELLER, DAY));
            union.forEach(missing::remove);
            assertThat(union).doesNotHaveDuplicates();
            assertThat(missing).as("orders in the window at the restart that were never handed out").isEmpty();
        }
    }

    private static ItemStreamReader<Order> reader(SmartStoreSandbox sandbox) {
        return sandbox.extractors(SmartStoreSandbox.settings()).orders(sandbox.account(SELLER), DAY, DAY);
    }
}
