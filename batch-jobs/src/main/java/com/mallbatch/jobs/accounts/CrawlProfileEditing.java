package com.mallbatch.jobs.accounts;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.port.CrawlProfileTrial;
import com.mallbatch.domain.port.CrawlProfileTrial.DryRun;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.readers.crawl.SiteProfiles;
import com.mallbatch.writers.mysql.JdbcCrawlProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * A person edits a site profile: it is checked by the crawler's own parser and selector engines before it is stored
 * (in {@code crawl_profiles}, which wins over the files, so the next collect of every account on that profile reads
 * with it), and it can be tried on a crawled account's first list page first, storing nothing.
 */
@Component
public class CrawlProfileEditing {

    /** Rows a dry run shows: enough to see each field, few enough to read. */
    public static final int DRY_RUN_ROWS = 10;

    private static final Logger log = LoggerFactory.getLogger(CrawlProfileEditing.class);

    /** The profile was refused; each problem is a line naming its key. Nothing was stored. */
    public static final class Refused extends IllegalArgumentException {

        private final transient List<String> problems;

        public Refused(String name, List<String> problems) {
            super("site profile '" + name + "' refused: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final MallAccounts accounts;
    private final SiteProfiles profiles;
    private final JdbcCrawlProfiles stored;
    private final CrawlProfileTrial trial;

    public CrawlProfileEditing(MallAccounts accounts, SiteProfiles profiles, JdbcCrawlProfiles stored,
                               CrawlProfileTrial trial) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.stored = stored;
        this.trial = trial;
    }

    /** The crawled account whose profile is edited. @throws IllegalArgumentException for an account that is not crawled */
    public MallAccount crawledAccount(long accountId) {
        MallAccount account = accounts.byId(accountId);
        if (account.platform() != Platform.CRAWL || account.crawlProfile() == null) {
            throw new IllegalArgumentException(account.label() + " is not a crawled account: it has no site profile");
        }
        return account;
    }

    /** The YAML the crawl reads for {@code name} now: stored, from the profiles directory or bundled. */
    public Optional<String> yaml(String name) {
        return profiles.yaml(name);
    }

    /** @throws Refused when the profile has problems; nothing is stored then */
    public void save(String name, String yaml, String who) {
        refuseIf(name, trial.problems(name, yaml));
        stored.save(name, yaml);
        profiles.forget(name);
        log.info("{} saved site profile {}", who, name);
    }

    /**
     * What the profile would read on the account's site now, with the account's login.
     *
     * @throws Refused when the profile has problems; nothing is fetched then
     */
    public DryRun dryRun(long accountId, String yaml) {
        MallAccount account = crawledAccount(accountId);
        refuseIf(account.crawlProfile(), trial.problems(account.crawlProfile(), yaml));
        return trial.firstListPage(account, yaml, DRY_RUN_ROWS);
    }

    private static void refuseIf(String name, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new Refused(name, problems);
        }
    }
}
