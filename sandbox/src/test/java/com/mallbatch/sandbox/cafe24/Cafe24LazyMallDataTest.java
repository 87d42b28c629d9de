package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Malls generate their data when first read and keep only the most recently read malls' data: a fleet of a thousand
 * starts at once, and data dropped and generated again is the same, scenario changes included.
 */
class Cafe24LazyMallDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final SandboxConfig FLEET = SandboxConfig.small().withMalls(1000).withToday(TODAY);

    @Test
    void aThousandFullSizeMallsStartWithoutGeneratingTheirData() {
        long before = retainedHeap();
        long start = System.nanoTime();

        Cafe24Platform platform = new Cafe24Platform(FLEET.withSize(500, 3, 100, 10), new Faults());

        long millis = (System.nanoTime() - start) / 1_000_000;
        long retained = retainedHeap() - before;
        System.out.printf("%d malls built in %d ms, holding %d KB%n", platform.malls().size(), millis, retained >> 10);
        assertThat(retained).as("heap held by the platform").isLessThan(32L << 20);
    }

    @Test
    void readingEveryMallOnceHoldsOnlyTheRecentMallsData() {
        Cafe24Platform platform = new Cafe24Platform(FLEET.withSize(50, 3, 10, 10), new Faults());
        long before = retainedHeap();

        platform.malls().parallelStream().forEach(mall -> assertThat(mall.groundTruth().get("orders")).asList().isNotEmpty());

        long retained = retainedHeap() - before;
        System.out.printf("after reading %d malls the platform holds %d KB more%n", platform.malls().size(), retained >> 10);
        // all thousand malls' data would be ~170 MB; the 64 most recent ~11 MB
        assertThat(retained).as("heap held after reading every mall").isLessThan(64L << 20);
    }

    @Test
    void dataDroppedFromTheCacheComesBackTheSame() {
        Cafe24Platform platform = new Cafe24Platform(FLEET.withMalls(2).withSize(60, 3, 12, 40), new Faults(), 1);
        Map<String, Object> first = platform.mall("sandbox01").groundTruth();

        platform.mall("sandbox02").groundTruth();

        assertThat(platform.mall("sandbox01").groundTruth()).isEqualTo(first);
    }

    @Test
    void aScenarioReturnAndAMovedClockOutliveEviction() {
        Cafe24Platform platform = new Cafe24Platform(FLEET.withMalls(2).withSize(60, 3, 12, 40), new Faults(), 1);
        Cafe24Mall mall = platform.mall("sandbox02");
        String code = deliveredItemCode(mall.groundTruth());
        mall.returnItem(code, TODAY.minusDays(2).atTime(10, 0), TODAY.minusDays(1).atTime(15, 30));
        mall.advanceClock(TODAY.plusDays(3));
        Map<String, Object> returned = mall.groundTruth();

        platform.mall("sandbox01").groundTruth();

        Map<String, Object> regenerated = mall.groundTruth();
        assertThat(regenerated).isEqualTo(returned);
        assertThat(item(regenerated, code)).containsEntry("order_status", "R40")
                .containsEntry("claim_code", item(returned, code).get("claim_code"));
        assertThatThrownBy(() -> mall.returnItem(code, TODAY.atTime(9, 0), null)).isInstanceOf(IllegalStateException.class);
    }

    private static String deliveredItemCode(Map<String, Object> truth) {
        return items(truth).stream().filter(i -> "N40".equals(i.get("order_status"))).findFirst()
                .map(i -> (String) i.get("order_item_code")).orElseThrow();
    }

    private static Map<String, Object> item(Map<String, Object> truth, String code) {
        return items(truth).stream().filter(i -> code.equals(i.get("order_item_code"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> truth) {
        List<Map<String, Object>> orders = (List<Map<String, Object>>) truth.get("orders");
        return orders.stream().flatMap(o -> ((List<Map<String, Object>>) o.get("items")).stream()).toList();
    }

    private static long retainedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
