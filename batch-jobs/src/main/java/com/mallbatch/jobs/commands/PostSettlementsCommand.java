package com.mallbatch.jobs.commands;

import com.mallbatch.jobs.settlement.ErpSync;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * {@code --mallbatch.command=post-settlements period=2026-10}: brings the ERP in line with every confirmed version of
 * the period — what a lost answer or an ERP outage left unposted is posted (or reversed) now, each exactly once.
 */
@Component
public class PostSettlementsCommand implements CommandLineCommand {

    private final ErpSync erp;

    public PostSettlementsCommand(ErpSync erp) {
        this.erp = erp;
    }

    @Override
    public String name() {
        return "post-settlements";
    }

    @Override
    public String usage() {
        return "period=2026-10: post to the ERP what confirmed settlements of the period still lack";
    }

    @Override
    public void run(Map<String, String> arguments) {
        String period = Arguments.period(arguments);
        List<String> failures = erp.syncPeriod(period);
        if (!failures.isEmpty()) {
            throw new Unfinished("the ERP did not take " + failures.size() + " posting(s) of " + period + ": "
                    + String.join("; ", failures) + ". Run the command again once the ERP answers");
        }
    }
}
