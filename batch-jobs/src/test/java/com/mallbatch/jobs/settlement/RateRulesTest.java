package com.mallbatch.jobs.settlement;

import com.mallbatch.jobs.settlement.RateRules.Rule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateRulesTest {

    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final LocalDate OCT_15 = LocalDate.of(2026, 10, 15);

    final RateRules rules = new RateRules("commission", "importCommissionRulesJob", List.of(
            new Rule("CRAWL", null, null, new BigDecimal("0.11"), JAN),
            new Rule("CRAWL", "stylemarket", null, new BigDecimal("0.125"), JAN),
            new Rule("CRAWL", "stylemarket", "OUTER", new BigDecimal("0.09"), OCT_15),
            new Rule("CAFE24", null, null, new BigDecimal("0.10"), JAN),
            new Rule("CAFE24", null, null, new BigDecimal("0.11"), OCT_15)));

    @Test
    void aSiteOfItsOwnWinsOverEveryCrawledSiteAndOtherSitesFallBackToThePlatformRule() {
        assertThat(rules.rate("CRAWL", "stylemarket", List.of(), LocalDate.of(2026, 10, 3), true)).isEqualByComparingTo("0.125");
        assertThat(rules.rate("CRAWL", "nextshop", List.of(), LocalDate.of(2026, 10, 3), true)).isEqualByComparingTo("0.11");
    }

    @Test
    void theMostSpecificCategoryInForceOnTheOrderDateWins() {
        assertThat(rules.rate("CRAWL", "stylemarket", List.of("OUTER", "TOPS"), LocalDate.of(2026, 10, 14), true))
                .as("the category rule starts the next day").isEqualByComparingTo("0.125");
        assertThat(rules.rate("CRAWL", "stylemarket", List.of("OUTER", "TOPS"), OCT_15, true)).isEqualByComparingTo("0.09");
        assertThat(rules.rate("CAFE24", null, List.of("24"), OCT_15.minusDays(1), true)).isEqualByComparingTo("0.10");
        assertThat(rules.rate("CAFE24", null, List.of("24"), OCT_15, true)).isEqualByComparingTo("0.11");
    }

    @Test
    void aRequiredRuleThatIsMissingSaysWhichImportAddsIt() {
        assertThatThrownBy(() -> rules.rate("SMARTSTORE", null, List.of(), OCT_15, true))
                .hasMessage("No commission rule for SMARTSTORE in force on 2026-10-15; import one (importCommissionRulesJob)");
        assertThat(rules.rate("SMARTSTORE", null, List.of(), OCT_15, false)).isZero();
    }
}
