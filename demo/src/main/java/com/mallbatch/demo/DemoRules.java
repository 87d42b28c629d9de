package com.mallbatch.demo;

import com.mallbatch.jobs.launch.FailureReport;
import com.mallbatch.jobs.launch.JobLaunchService;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rates a settlement needs, as finance would hand them over: a commission and a shipping-fee workbook, imported by
 * their import jobs. The demo's rates are plain (10% commission on the malls without their own, 3% of shipping fees).
 */
final class DemoRules {

    static final List<String> COMMISSION_HEADER = List.of("플랫폼", "사이트", "카테고리 번호", "수수료율", "적용 시작일");
    static final List<String> SHIPPING_HEADER = List.of("플랫폼", "사이트", "배송비 수수료율", "적용 시작일");
    static final String SINCE = "2020-01-01";

    private static final Logger log = LoggerFactory.getLogger(DemoRules.class);

    private DemoRules() {
    }

    /** @return whether both imports completed */
    static boolean importInto(JobLaunchService launches, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path commissions = write(folder.resolve("commission-rules.xlsx"), COMMISSION_HEADER, List.of(
                List.of("CAFE24", "", "", "10%", SINCE), List.of("SMARTSTORE", "", "", "10%", SINCE),
                List.of("CRAWL", "", "", "10%", SINCE)));
        Path shipping = write(folder.resolve("shipping-fee-rules.xlsx"), SHIPPING_HEADER, List.of(
                List.of("CAFE24", "", "3%", SINCE), List.of("SMARTSTORE", "", "3%", SINCE), List.of("CRAWL", "", "3%", SINCE)));
        return imported(launches, "importCommissionRulesJob", commissions)
                && imported(launches, "importShippingFeeRulesJob", shipping);
    }

    private static boolean imported(JobLaunchService launches, String job, Path file) {
        JobExecution execution = launches.launch(job, new JobParametersBuilder().addString("file", file.toString())
                .toJobParameters(), DemoHistory.WHO);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            FailureReport.lines(execution).forEach(log::warn);
            return false;
        }
        return true;
    }

    /** A one-sheet workbook of text cells; an empty text leaves its cell blank. */
    private static Path write(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("rules");
            List<List<String>> all = new java.util.ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    if (!all.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(all.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }
}
