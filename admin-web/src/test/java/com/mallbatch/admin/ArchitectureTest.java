package com.mallbatch.admin;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The brief's dependency rule, checked on the compiled classes: domain ← readers, writers ← batch-jobs ← scheduling
 * ← admin-web; no OkHttp, HtmlUnit or POI type in batch-jobs or domain; the sandbox knows nothing of mallbatch.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // batch-jobs' shared test helpers
            .importPackages("com.mallbatch", "db.migration");

    @Test
    void layersOnlyPointDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy("com.mallbatch.domain..")
                .layer("readers").definedBy("com.mallbatch.readers..")
                .layer("writers").definedBy("com.mallbatch.writers..")
                .layer("batch-jobs").definedBy("com.mallbatch.jobs..")
                .layer("scheduling").definedBy("com.mallbatch.scheduling..")
                .layer("admin-web").definedBy("com.mallbatch.admin..")
                .whereLayer("admin-web").mayNotBeAccessedByAnyLayer()
                .whereLayer("scheduling").mayOnlyBeAccessedByLayers("admin-web")
                .whereLayer("batch-jobs").mayOnlyBeAccessedByLayers("scheduling", "admin-web")
                .whereLayer("readers").mayOnlyBeAccessedByLayers("batch-jobs", "scheduling", "admin-web")
                .whereLayer("writers").mayOnlyBeAccessedByLayers("batch-jobs", "scheduling", "admin-web")
                .check(CLASSES);
    }

    @Test
    void theDomainUsesNoFrameworkAndNoIo() {
        // hashing (java.security) is computation, not I/O: a settlement's digest belongs to the domain
        classes().that().resideInAPackage("com.mallbatch.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.mallbatch.domain..", "java.lang..",
                        "java.math..", "java.time..", "java.util..", "java.security..", "java.nio.charset..")
                .check(CLASSES);
    }

    @Test
    void noHttpCrawlerOrExcelTypeLeaksIntoTheJobsOrTheDomain() {
        noClasses().that().resideInAnyPackage("com.mallbatch.jobs..", "com.mallbatch.domain..",
                        "com.mallbatch.scheduling..", "com.mallbatch.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "org.htmlunit..", "org.apache.poi..")
                .check(CLASSES);
    }

    @Test
    void theSandboxIsIndependentOfTheProductsModel() {
        noClasses().that().resideInAPackage("com.mallbatch.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mallbatch.domain..", "com.mallbatch.readers..",
                        "com.mallbatch.writers..", "com.mallbatch.jobs..", "com.mallbatch.scheduling..",
                        "com.mallbatch.admin..")
                .check(CLASSES);
    }

    @Test
    void onlyAdaptersTalkHttp() {
        noClasses().that().resideOutsideOfPackages("com.mallbatch.readers..", "com.mallbatch.writers..")
                .should().dependOnClassesThat().resideInAPackage("okhttp3..")
                .check(CLASSES);
    }
}
