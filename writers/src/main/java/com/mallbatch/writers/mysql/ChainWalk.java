package com.mallbatch.writers.mysql;

import com.mallbatch.domain.settlement.SettlementChain;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the settlement hash chain from its first link: every link must follow from the one before it and from what it
 * records; every chained snapshot must still be there with the hash it was confirmed with; every confirmed snapshot of
 * the period must be chained; and a chain with no links while the ERP holds postings was emptied.
 */
final class ChainWalk {

    private record Link(long sequence, long settlementId, long accountId, String period, int version, String hash,
                        String previous, String link) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcSettlements settlements;

    ChainWalk(JdbcTemplate jdbc, JdbcSettlements settlements) {
        this.jdbc = jdbc;
        this.settlements = settlements;
    }

    List<String> problems(String period) {
        List<String> problems = new ArrayList<>();
        List<Link> chain = jdbc.query("SELECT * FROM settlement_chain ORDER BY sequence", (rs, n) -> new Link(
                rs.getLong("sequence"), rs.getLong("settlement_id"), rs.getLong("account_id"), rs.getString("period"),
                rs.getInt("version"), rs.getString("content_sha256"), rs.getString("previous_link"), rs.getString("link")));
        int postings = jdbc.queryForObject("SELECT COUNT(*) FROM erp_postings", Integer.class);
        if (chain.isEmpty() && postings > 0) {
            problems.add("the settlement chain is empty while the ERP holds " + postings + " posting(s) of confirmed "
                    + "settlements: the chain table was truncated");
        }
        String expectedPrevious = SettlementChain.GENESIS;
        Set<Long> chained = new HashSet<>();
        for (Link link : chain) {
            if (!link.previous().equals(expectedPrevious)) {
                problems.add("the settlement chain is broken before link " + link.sequence() + " (settlement "
                        + link.settlementId() + "): a link was removed, altered or inserted");
            }
            String recomputed = SettlementChain.link(link.previous(), link.hash(), link.version(), link.period(), link.accountId());
            if (!recomputed.equals(link.link())) {
                problems.add("chain link " + link.sequence() + " (settlement " + link.settlementId() + ") was altered");
            }
            expectedPrevious = link.link();
            chained.add(link.settlementId());
            if (link.period().equals(period)) {
                checkSnapshot(link, problems);
            }
        }
        for (JdbcSettlements.Snapshot s : settlements.snapshots(period)) {
            if (!s.status().equals("DRAFT") && !chained.contains(s.id())) {
                problems.add("settlement " + s.id() + " (" + s.accountLabel() + ", " + s.period() + ", v" + s.version()
                        + ") is " + s.status() + " but was never chained: it did not come from a confirmation");
            }
        }
        return problems;
    }

    private void checkSnapshot(Link link, List<String> problems) {
        Optional<JdbcSettlements.Snapshot> found = settlements.findSnapshot(link.settlementId());
        String what = "settlement " + link.settlementId() + " (account " + link.accountId() + ", " + link.period() + ", v"
                + link.version() + ")";
        if (found.isEmpty()) {
            problems.add(what + " is in the chain but missing: deleted, or its table truncated");
        } else if (!link.hash().equals(found.get().contentSha256()) || found.get().version() != link.version()
                || found.get().accountId() != link.accountId() || !found.get().period().equals(link.period())) {
            problems.add(what + " no longer matches its chain link (hash, version, account or period changed)");
        }
    }
}
