package com.mallbatch.readers.crawl;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.OrderLineStatus;
import com.mallbatch.domain.ProductStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteProfileParserTest {

    static String bundled() throws IOException {
        return bundled("stylemarket");
    }

    static String bundled(String name) throws IOException {
        try (InputStream in = SiteProfileParserTest.class.getClassLoader().getResourceAsStream("crawl-profiles/" + name + ".yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theLinePerRowProfileReadsLinesFromTheListRowsWithTheirAmountsProductStatusesAndTheDaysTotals() throws IOException {
        SiteProfile profile = SiteProfileParser.parse("easyseller.yml", bundled("easyseller"));

        assertThat(profile.linePerRow()).isTrue();
        assertThat(profile.goneAlerts()).contains("존재하지 않는 상품");
        assertThat(profile.productFields().get("status").parser().parse("판매중지")).isEqualTo(ProductStatus.SUSPENDED);
        assertThat(profile.orderLines().fields()).containsKeys("listPrice", "discount", "coupon", "paidAmount")
                .doesNotContainKey("unitPrice");
        assertThat(profile.orderLines().fields().get("discount").parser().parse("-3,000원")).isEqualTo(Money.of(-3_000));
        assertThat(profile.orderTotals()).containsOnlyKeys("count", "amount");
        assertThat(SiteProfileParser.parse("nextshop.yml", bundled("nextshop")).linePerRow()).isFalse();
    }

    @Test
    void aLineWithoutAnAmountAStrayTotalsFieldAndAnUnknownProductStatusAreRefused() throws IOException {
        String easy = bundled("easyseller");
        assertThatThrownBy(() -> SiteProfileParser.parse("no-amount.yml", easy
                .replace("      paidAmount: {select: \"td.paid\", parse: money}          # 결제금액 of the line\n", "")))
                .hasMessageContaining("no-amount.yml: orders.lines.fields: declares neither 'unitPrice' nor 'paidAmount'");
        assertThatThrownBy(() -> SiteProfileParser.parse("totals.yml", easy.replace("    count: {", "    orders: {")))
                .hasMessageContaining("totals.yml: orders.totals.orders: is not a totals field (count, amount)");
        assertThatThrownBy(() -> SiteProfileParser.parse("status.yml", easy.replace("숨김: HIDDEN", "숨김: INVISIBLE")))
                .hasMessageContaining("products.fields.status.parse.productStatus.숨김: 'INVISIBLE' is not one of")
                .hasMessageContaining("SUSPENDED");
    }

    @Test
    void theBundledProfileParses() throws IOException {
        SiteProfile profile = SiteProfileParser.parse("stylemarket.yml", bundled());

        assertThat(profile.name()).isEqualTo("stylemarket");
        assertThat(profile.javascript()).isFalse();
        assertThat(profile.productList().rows()).isEqualTo("tr.product-row");
        assertThat(profile.productFields().get("price").parser().parse("12,900원")).isEqualTo(Money.of(12_900));
        assertThat(profile.variants().fields().get("stock").parser().parse("일시품절")).isEqualTo(0);
        assertThat(profile.orderLines().fields().get("status").parser().parse("반품완료")).isEqualTo(OrderLineStatus.RETURNED);
    }

    @Test
    void mistakesAreNamedByDocumentAndPath() throws IOException {
        assertThatThrownBy(() -> SiteProfileParser.parse("broken.yml", bundled().replace("parse: money}", "parse: dollars}")))
                .hasMessageContaining("broken.yml: products.fields.price.parse: unknown parser 'dollars'");
        assertThatThrownBy(() -> SiteProfileParser.parse("broken.yml", bundled().replace("next: \"a.next\", empty: \"td.empty\"}", "}")))
                .hasMessageContaining("broken.yml: products.list: needs a stop rule");
        assertThatThrownBy(() -> SiteProfileParser.parse("broken.yml", bundled().replace("    stock: {select: \"td.stock\", parse: stock}\n", "")))
                .hasMessageContaining("broken.yml: variants: declares no field 'stock'");
        assertThatThrownBy(() -> SiteProfileParser.parse("broken.yml", bundled().replace("배송중: SHIPPING", "배송중: SHIPPED")))
                .hasMessageContaining("orders.lines.fields.status.parse.status.배송중: 'SHIPPED' is not one of");
    }

    @Test
    void valueParsersReadWhatSellerCentersShowAndSayWhatTheyExpected() {
        assertThat(ValueParser.MONEY.parse("+2,000원")).isEqualTo(Money.of(2_000));
        assertThat(ValueParser.MONEY.parse("")).isEqualTo(Money.ZERO);
        assertThat(ValueParser.stock(List.of("품절", "일시품절")).parse("1,234")).isEqualTo(1_234);
        assertThat(ValueParser.stock(List.of("품절", "일시품절")).parse("품절")).isEqualTo(0);
        assertThatThrownBy(() -> ValueParser.stock(List.of("품절")).parse("재입고 예정"))
                .hasMessageContaining("should be a whole number like 1,234 but is \"재입고 예정\"");
        assertThatThrownBy(() -> ValueParser.MONEY.parse("문의")).hasMessageContaining("like 12,900원");
        assertThatThrownBy(() -> ValueParser.dictionary(Map.of("판매중", true)).parse("숨김"))
                .hasMessageContaining("\"숨김\", which the profile does not map");
    }

    @Test
    void robotsTxtDisallowRulesForEveryAgentAreObeyed() {
        RobotsRules rules = RobotsRules.parse("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /admin # no\nAllow: /\n");

        assertThat(rules.allows("/products?page=1")).isTrue();
        assertThat(rules.allows("/admin/users")).isFalse();
    }
}
