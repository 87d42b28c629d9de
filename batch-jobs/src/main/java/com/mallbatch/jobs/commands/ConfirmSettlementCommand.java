package com.mallbatch.jobs.commands;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.settlement.SettlementConfirmation;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code --mallbatch.command=confirm-settlement account=acme/CAFE24/acmeshop period=2026-10 by=kim [comment=…]}: a
 * person freezes the reviewed draft into the version that stands, its workbook is written and it is posted to the ERP.
 */
@Component
public class ConfirmSettlementCommand implements CommandLineCommand {

    private final MallAccounts accounts;
    private final SettlementConfirmation confirmation;

    public ConfirmSettlementCommand(MallAccounts accounts, SettlementConfirmation confirmation) {
        this.accounts = accounts;
        this.confirmation = confirmation;
    }

    @Override
    public String name() {
        return "confirm-settlement";
    }

    @Override
    public String usage() {
        return "account=tenant/PLATFORM/accountKey period=2026-10 by=who [comment=why]: confirm the reviewed draft";
    }

    @Override
    public void run(Map<String, String> arguments) {
        String label = Arguments.required(arguments, "account", "tenant/PLATFORM/accountKey");
        String period = Arguments.period(arguments);
        String by = Arguments.required(arguments, "by", "the name of the person who reviewed the draft");
        MallAccount account = accounts.byLabel(label);
        SettlementConfirmation.Result result = confirmation.confirm(account, period, by, arguments.get("comment"));
        if (!result.erpFailures().isEmpty()) {
            throw new Unfinished(account.label() + " " + period + " v" + result.standing().version()
                    + " is confirmed, but the ERP did not take it: " + String.join("; ", result.erpFailures())
                    + ". Retry with --mallbatch.command=post-settlements period=" + period);
        }
    }
}
