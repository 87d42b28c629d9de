package com.mallbatch.sandbox;

import com.mallbatch.sandbox.cafe24.Cafe24Mall;
import com.mallbatch.sandbox.sellercenter.SellerCenter;
import com.mallbatch.sandbox.sellercenter.SellerCenterFlavour;
import com.mallbatch.sandbox.smartstore.SmartStoreSeller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --accounts-file}: every mall and seller center the sandbox plays, in the application's accounts format. */
class SandboxAccountsFileTest {

    @TempDir
    Path dir;

    @Test
    void theFileListsEveryMallAndSellerCenterWithThisRunsUrlsCredentialsAndProfiles() throws Exception {
        Path file = dir.resolve("nested/sandbox-accounts.yml");
        try (SandboxServer sandbox = SandboxMain.start("--port=0", "--accounts-file=" + file, "--malls=2",
                "--html-centers=2", "--next-centers=1", "--line-centers=1", "--products=5", "--bucket=400", "--leak=0.5")) {
            Map<String, Object> tenant = onlyTenant(file);
            assertThat(tenant).containsEntry("key", "sandbox").containsEntry("name", "샌드박스 셀러");
            List<Map<String, Object>> accounts = list(tenant.get("accounts"));
            assertThat(accounts).extracting(a -> a.get("accountKey")).containsExactly("sandbox01", "sandbox02",
                    "stylemarket01", "stylemarket02", "nextshop01", "easyseller01");

            String startedAt = SandboxAccountsFile.reauthorizedAt(sandbox);
            for (Cafe24Mall mall : sandbox.cafe24().malls()) {
                Map<String, Object> a = account(accounts, mall.mallId());
                assertThat(a).containsEntry("platform", "CAFE24")
                        .containsEntry("baseUrl", sandbox.baseUrl() + "/cafe24/" + mall.mallId())
                        .containsEntry("rateLimit", Map.of("bucket", 400, "leakPerSecond", 0.5))
                        .containsEntry("enabled", true).doesNotContainKey("crawlProfile");
                assertThat(map(a.get("credentials"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "clientId", mall.clientId(), "clientSecret", mall.clientSecret(),
                        "refreshToken", mall.currentRefreshToken(), "reauthorizedAt", startedAt));
            }
            for (SellerCenter center : sandbox.sellerCenters().centers()) {
                Map<String, Object> a = account(accounts, center.id());
                assertThat(a).containsEntry("platform", "CRAWL")
                        .containsEntry("baseUrl", sandbox.baseUrl() + "/seller/" + center.id())
                        .containsEntry("crawlProfile", SellerCenterFlavour.of(center.flavour()).crawlProfile())
                        .containsEntry("enabled", true);
                assertThat(map(a.get("credentials"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "username", center.username(), "password", center.password()));
            }
            assertThat(accounts).extracting(a -> a.get("crawlProfile")).containsExactly(null, null,
                    "stylemarket", "stylemarket", "nextshop", "easyseller");
        }
    }

    @Test
    void smartStoreSellersAreSmartStoreAccountsWithTheirApplicationsClientIdAndSecret() throws Exception {
        assertThat(SandboxConfig.small().smartStoreSellers()).as("the demo's world has none until mallbatch reads them")
                .isZero();
        Path file = dir.resolve("smartstore-accounts.yml");
        try (SandboxServer sandbox = SandboxMain.start("--port=0", "--accounts-file=" + file, "--malls=1",
                "--html-centers=0", "--next-centers=0", "--line-centers=0", "--products=5", "--smartstore-sellers=2",
                "--smartstore-rate=7")) {
            List<Map<String, Object>> accounts = list(onlyTenant(file).get("accounts"));
            assertThat(accounts).extracting(a -> a.get("accountKey")).containsExactly("sandbox01", "smartstore01",
                    "smartstore02");
            assertThat(sandbox.config().smartStoreRatePerSecond()).isEqualTo(7);
            for (SmartStoreSeller seller : sandbox.smartStore().sellers()) {
                Map<String, Object> a = account(accounts, seller.sellerId());
                assertThat(a).containsEntry("platform", "SMARTSTORE")
                        .containsEntry("baseUrl", sandbox.baseUrl() + "/smartstore/" + seller.sellerId() + "/external")
                        .containsEntry("enabled", true).doesNotContainKey("crawlProfile").doesNotContainKey("rateLimit");
                assertThat(map(a.get("credentials"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "clientId", seller.clientId(), "clientSecret", seller.clientSecret()));
                assertThat(seller.clientSecret()).startsWith("$2a$04$");
            }
            assertThat(sandbox.smartStore().seller("smartstore01").clientId())
                    .isNotEqualTo(sandbox.smartStore().seller("smartstore02").clientId());
        }
        assertThat(SandboxMain.USAGE).contains("--smartstore-sellers=0", "--smartstore-rate=10", "--smartstore-sellers-per-app=1");

        try (SandboxServer sandbox = SandboxMain.start("--port=0", "--accounts-file=" + file, "--malls=0",
                "--html-centers=0", "--next-centers=0", "--line-centers=0", "--products=5", "--smartstore-sellers=2",
                "--smartstore-sellers-per-app=2")) {
            List<Map<String, Object>> accounts = list(onlyTenant(file).get("accounts"));
            for (SmartStoreSeller seller : sandbox.smartStore().sellers()) {
                assertThat(seller.tokenType()).isEqualTo("SELLER");
                assertThat(map(account(accounts, seller.sellerId()).get("credentials"))).as("a solution's shared application")
                        .containsExactlyInAnyOrderEntriesOf(Map.of("clientId", seller.clientId(),
                                "clientSecret", seller.clientSecret(), "sellerAccountId", seller.sellerId()));
            }
        }
    }

    @Test
    void aRestartedSandboxMarksItsCafe24AccountsAsReauthorizedAgain() throws Exception {
        Path file = dir.resolve("accounts.yml");
        String first;
        try (SandboxServer sandbox = SandboxMain.start("--port=0", "--accounts-file=" + file, "--malls=1",
                "--tenant=acme", "--tenant-name=에이크미 \"상사\": #1")) {
            first = SandboxAccountsFile.reauthorizedAt(sandbox);
            assertThat(onlyTenant(file)).containsEntry("key", "acme").containsEntry("name", "에이크미 \"상사\": #1");
        }
        // a later start is stamped later: wait until the clock has passed the first stamp
        OffsetDateTime firstStamp = OffsetDateTime.parse(first);
        while (!OffsetDateTime.now().isAfter(firstStamp.plusNanos(999_999))) { // stamps count milliseconds
            Thread.onSpinWait();
        }
        try (SandboxServer sandbox = SandboxMain.start("--port=0", "--accounts-file=" + file, "--malls=1")) {
            Map<String, Object> credentials = map(account(list(onlyTenant(file).get("accounts")), "sandbox01").get("credentials"));
            assertThat(credentials.get("refreshToken")).as("the same seed issues the same initial token")
                    .isEqualTo(sandbox.cafe24().mall("sandbox01").currentRefreshToken());
            assertThat(credentials.get("reauthorizedAt")).isEqualTo(SandboxAccountsFile.reauthorizedAt(sandbox))
                    .isNotEqualTo(first);
        }
        assertThat(Files.list(dir)).as("written whole, no temporary file left").containsExactly(file);
    }

    @Test
    void everyFlavourIsReadByABundledProfileOfItsOwn() {
        assertThat(Arrays.stream(SellerCenterFlavour.values()).map(SellerCenterFlavour::crawlProfile))
                .doesNotContainNull().doesNotHaveDuplicates().containsExactly("stylemarket", "nextshop", "easyseller");
        for (SellerCenterFlavour flavour : SellerCenterFlavour.values()) {
            assertThat(SellerCenterFlavour.of(flavour.id())).isSameAs(flavour);
        }
    }

    @Test
    void stringsAreQuotedSoThatYamlReadsThemBackAsTheSameStrings() {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (String value : List.of("yes", "no", "012", "2026-11-28", "1e3", "~", "null", "#x", "a: b", "- a", "\"q\"",
                "back\\slash", "line\nbreak", "tab\tand\u0001control", "\u2028", "샌드박스 셀러", "{a}", "[b]", "&x *y !z", "")) {
            Map<String, Object> read = yaml.load("v: " + SandboxAccountsFile.quote(value) + "\n");
            assertThat(read.get("v")).as("quoted %s", SandboxAccountsFile.quote(value)).isEqualTo(value);
        }
    }

    @Test
    void anUnknownOptionIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> SandboxMain.start("--port=0", "--acounts-file=x.yml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--acounts-file");
        assertThatThrownBy(() -> SandboxMain.start("--port=0", "accounts.yml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accounts.yml");
        assertThat(SandboxMain.USAGE).contains("--accounts-file=PATH", "--port=8089", "--tenant=");
    }

    private static Map<String, Object> onlyTenant(Path file) throws Exception {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        List<Map<String, Object>> tenants = list(root.get("tenants"));
        assertThat(tenants).hasSize(1);
        return tenants.get(0);
    }

    private static Map<String, Object> account(List<Map<String, Object>> accounts, String key) {
        return accounts.stream().filter(a -> key.equals(a.get("accountKey"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
