package com.mallbatch.jobs.imports;

import com.mallbatch.jobs.TestJobsApplication;
import com.mallbatch.jobs.TestWorkbooks;
import com.mallbatch.jobs.collect.SandboxWorld;
import com.mallbatch.writers.mysql.JdbcMallAccounts;
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

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
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
    Job importCommissionRulesJob;
    @Autowired
    Job importShippingFeeRulesJob;
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
        jdbc.execute("DELETE FROM commission_rules");
        jdbc.execute("DELETE FROM shipping_fee_rules");
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

    @Test
    void aMonthThatExcelTurnedIntoADateIsReadAsItsMonth() throws Exception {
        Path file = workbook("dated-costs.xlsx", List.of("몰 계정", "정산월", "비용 유형", "내용", "금액"),
                List.of("sandbox01", LocalDate.of(2026, 10, 1), "광고비", "10월 검색광고", 50000),
                List.of("sandbox01", "2026/11", "광고비", "11월 검색광고", 30000));

        assertThat(run(importExtraCostsJob, file, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(extraCosts()).extracting(row -> row.substring(0, 7)).containsExactly("2026-10", "2026-11");
    }

    @Test
    void twoRowsForTheSameKeyAreRefusedNamingBoth() throws Exception {
        Path file = workbook("twice.xlsx", List.of("몰 계정", "정산월", "비용 유형", "내용", "금액"),
                List.of("sandbox01", "2026-10", "광고비", "10월 검색광고", 50000),
                List.of("sandbox02", "2026-10", "광고비", "10월 검색광고", 50000),
                List.of("sandbox01", "2026-10", "광고비", "10월 검색광고", 55000));

        JobExecution failed = run(importExtraCostsJob, file, null);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions().get(0).getMessage()).contains("twice.xlsx row 2 and twice.xlsx row 4 "
                + "are both for 몰 계정 'sandbox01', 정산월 '2026-10', 비용 유형 '광고비', 내용 '10월 검색광고'; keep one of them");
        assertThat(extraCosts()).isEmpty();
    }

    @Test
    void commissionRulesImportPerPlatformSiteAndCategoryWithoutSql() throws Exception {
        List<String> header = List.of("플랫폼", "사이트", "카테고리 번호", "수수료율", "적용 시작일");
        Path file = workbook("commissions.xlsx", header,
                Arrays.asList("CAFE24", null, null, 0.1, LocalDate.of(2026, 1, 1)),
                Arrays.asList("cafe24", null, "24", "8%", LocalDate.of(2026, 10, 15)),
                Arrays.asList("CRAWL", "stylemarket", null, "12.5%", "2026-01-01"),
                Arrays.asList("CRAWL", null, null, 0.11, "2026-01-01"));

        assertThat(run(importCommissionRulesJob, file, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run(importCommissionRulesJob, file, null).getStatus()).as("again: nothing changes").isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT CONCAT_WS('|', platform, COALESCE(site, '*'), COALESCE(category_no, '*'), rate, "
                + "effective_from) FROM commission_rules ORDER BY 1", String.class)).containsExactly(
                "CAFE24|*|*|0.1000|2026-01-01", "CAFE24|*|24|0.0800|2026-10-15", "CRAWL|*|*|0.1100|2026-01-01",
                "CRAWL|stylemarket|*|0.1250|2026-01-01");
    }

    @Test
    void aRuleFileWithADuplicateAnUnknownPlatformOrASiteOnAnApiMallIsRefusedWhole() throws Exception {
        List<String> header = List.of("플랫폼", "사이트", "배송비 수수료율", "적용 시작일");
        Path file = workbook("shipping.xlsx", header,
                Arrays.asList("CAFE24", null, "3%", "2026-01-01"),
                Arrays.asList("CAFE24", null, "3.3%", "2026-01-01"),
                Arrays.asList("GMARKET", null, "3%", "2026-01-01"),
                Arrays.asList("CAFE24", "stylemarket", "3%", "2026-02-01"),
                Arrays.asList("CRAWL", "stylemarket", "30", "2026-01-01"));

        JobExecution failed = run(importShippingFeeRulesJob, file, null);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getAllFailureExceptions().get(0).getMessage())
                .contains("shipping.xlsx row 2 and shipping.xlsx row 3 are both for 플랫폼 'CAFE24', 사이트 (empty), "
                        + "적용 시작일 '2026-01-01'")
                .contains("shipping.xlsx row 4, column A (플랫폼): 'GMARKET' is not one of [CAFE24, SMARTSTORE, CRAWL]")
                .contains("shipping.xlsx row 5, column B (사이트): a site narrows a rule to one crawled seller center; "
                        + "leave it empty for CAFE24")
                .contains("shipping.xlsx: row 6, column C (배송비 수수료율): '30' is not a rate: write 10.8% or 0.108");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipping_fee_rules", Integer.class)).isZero();
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
        return TestWorkbooks.write(dir.resolve(name), header, rows);
    }
}
