package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

class TmpGoldenDumpTest {
    @Test
    void dump() throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 21);
        Faults faults = new Faults().malformedRecordEvery(7);
        Cafe24Platform p = new Cafe24Platform(SandboxConfig.small().withMalls(4).withToday(today).withSize(60, 3, 12, 40), faults);
        List<Object> out = new ArrayList<>();
        for (Cafe24Mall m : p.malls()) out.add(m.groundTruth());
        Cafe24Mall m2 = p.mall("sandbox02");
        String code = null;
        for (Object o : (List<?>) m2.groundTruth().get("orders")) {
            for (Object i : (List<?>) ((java.util.Map<?, ?>) o).get("items")) {
                java.util.Map<?, ?> item = (java.util.Map<?, ?>) i;
                if (code == null && "N40".equals(item.get("order_status"))) code = (String) item.get("order_item_code");
            }
        }
        m2.returnItem(code, today.minusDays(2).atTime(10, 0), today.minusDays(1).atTime(15, 30));
        p.mall("sandbox03").advanceClock(today.plusDays(9));
        for (Cafe24Mall m : p.malls()) out.add(m.groundTruth());
        Files.writeString(Path.of(System.getProperty("golden.out", "/tmp/golden/out.json")),
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }
}
