package com.mallbatch.jobs.imports;

import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Finance's workbooks into MySQL: all or nothing per file, every bad cell named, re-imports change nothing. */
@SpringBootTest(classes = TestJobsApplication.class, properties = "spring.batch.job.enabled=false")
class ImportJobTest {

    static final SandboxWorld world = new SandboxWorld(SandboxWorld.smallConfig().withSize(10, 1, 1, 1), "imports");
    private static long runs;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        world.register(registry);
    }

    @Autowired
    JobOperator jobOperator;
    @Autowired
    Job importExtraCostsJob;
    @Autowired
    Job importMasterInventoryJob;
    @Autowired
    JdbcMallAccounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @BeforeEach
    void accounts() {
        world.registerAccounts(accounts);
        jdbc.execute("DELETE FROM extra_costs");
        jdbc.execute("DELETE FROM master_inventory");
    }

    @AfterAll
    static void tearDown() {
        world.close();
    }

    @Test
    void extraCostsImportAndAReimportOfTheSameFileChangesNothing() throws Exception {
        Path file = workbook("costs.xlsx", List.of("몰 계정", "정산월", "비용 유형", "내용", "금액"),
                List.of("sandbox01", "2026-10", "광고비", "10월 검색광고", 50000),
                List.of("sandbox02", "2026-10", "포장비", "박스 300개", "120,000"));

        assertThat(run(importExtraCostsJob, file, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> stored = extraCosts();
        assertThat(stored).containsExactly("2026-10|광고비|10월 검색광고|50000.00|costs.xlsx row 2",
                "2026-10|포장비|박스 300개|120000.00|costs.xlsx row 3");

        assertThat(run(importExtraCostsJob, file, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(extraCosts()).isEqualTo(stored);
    }

    @Test
    void aFileWithBadRowsNamesEveryOneAndStoresNothing() throws Exception {
        Path file = workbook("bad-costs.xlsx", List.of("몰 계정", "정산월", "비용 유형", "내용", "금액"),
                List.of("sandbox01", "2026-10", "광고비", "멀쩡한 행", 10000),
                List.of("sandbox01", "2026-13", "광고비", "잘못된 월", 10000),
                List.of("sandbox02", "2026-10", "포장비", "글자 금액", "12,000원 정도"),
                List.of("nomall", "2026-10", "포장비", "없는 몰", 5000),
                List.of("sandbox03", "2026-10", "", "유형 없음", 5000));

        JobExecution failed = run(importExtraCostsJob, file, null);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions().get(0).getMessage())
                .contains("bad-costs.xlsx: row 3, column B (정산월): '2026-13' is not a month like 2026-10")
                .contains("bad-costs.xlsx: row 4, column E (금액): '12,000원 정도' is not a number")
                .contains("bad-costs.xlsx row 5, column A (몰 계정): 'nomall' is not one mall account")
                .contains("bad-costs.xlsx: row 6, column C (비용 유형): is empty")
                .contains("nothing was imported");
        assertThat(extraCosts()).as("the good row is not stored either").isEmpty();
    }

    @Test
    void aWrongHeaderIsRefused() throws Exception {
        Path file = workbook("renamed.xlsx", List.of("계정", "정산월", "비용 유형", "내용", "금액"),
                List.of("sandbox01", "2026-10", "광고비", "광고", 10000));

        JobExecution failed = run(importExtraCostsJob, file, null);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions().get(0).getMessage())
                .contains("renamed.xlsx: header, column A: expected '몰 계정' but found '계정'");
    }

    @Test
    void theMasterInventoryImportsPerTenantAndRefusesFractionalStock() throws Exception {
        Path good = workbook("inventory.xlsx", List.of("셀러 SKU", "재고수량", "기준일"),
                List.of("MB-00001-01", 120, "2026-10-31"), List.of("MB-00001-02", "1,050", "2026-10-31"));
        assertThat(run(importMasterInventoryJob, good, "acme").getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT CONCAT_WS('|', seller_sku, quantity, as_of) FROM master_inventory ORDER BY 1",
                String.class)).containsExactly("MB-00001-01|120|2026-10-31", "MB-00001-02|1050|2026-10-31");

        Path bad = workbook("inventory-bad.xlsx", List.of("셀러 SKU", "재고수량", "기준일"), List.of("MB-00002-01", 3.5, "2026-10-31"));
        JobExecution failed = run(importMasterInventoryJob, bad, "acme");
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions().get(0).getMessage())
                .contains("inventory-bad.xlsx: row 2, column B (재고수량): '3.5' is not a whole number");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM master_inventory", Integer.class)).isEqualTo(2);
    }

    private JobExecution run(Job job, Path file, String tenant) throws Exception {
        JobParametersBuilder parameters = new JobParametersBuilder().addString("file", file.toString()).addLong("run.id", runs++);
        if (tenant != null) {
            parameters.addString("tenant", tenant);
        }
        return jobOperator.start(job, parameters.toJobParameters());
    }

    private List<String> extraCosts() {
        return jdbc.queryForList("SELECT CONCAT_WS('|', period, cost_type, description, amount, source) FROM extra_costs "
                + "ORDER BY cost_type", String.class);
    }

    @SafeVarargs
    private Path workbook(String name, List<String> header, List<Object>... rows) throws Exception {
        Path file = dir.resolve(name);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("data");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].size(); c++) {
                    Object value = rows[r].get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue((String) value);
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }
}
