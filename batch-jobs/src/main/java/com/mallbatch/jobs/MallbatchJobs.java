package com.mallbatch.jobs;

import com.mallbatch.jobs.accounts.AccountsFileImporter;
import com.mallbatch.jobs.accounts.CrawlProfileEditing;
import com.mallbatch.jobs.accounts.MallAccountEditing;
import com.mallbatch.readers.cafe24.Cafe24Configuration;
import com.mallbatch.readers.crawl.CrawlConfiguration;
import com.mallbatch.readers.smartstore.SmartStoreConfiguration;
import com.mallbatch.jobs.collect.CollectJobConfiguration;
import com.mallbatch.jobs.commands.AbandonRunCommand;
import com.mallbatch.jobs.commands.BreakCommands;
import com.mallbatch.jobs.commands.CommandRunner;
import com.mallbatch.jobs.commands.ConfirmSettlementCommand;
import com.mallbatch.jobs.commands.PostSettlementsCommand;
import com.mallbatch.jobs.commands.PauseAccountCommand;
import com.mallbatch.jobs.commands.BackfillCommand;
import com.mallbatch.jobs.commands.ResumeAccountCommand;
import com.mallbatch.jobs.commands.RotateSecretKeyCommand;
import com.mallbatch.jobs.commands.StopRunCommand;
import com.mallbatch.jobs.imports.ImportJobConfiguration;
import com.mallbatch.jobs.reconcile.ReconcileJobConfiguration;
import com.mallbatch.jobs.settlement.SettlementJobConfiguration;
import com.mallbatch.jobs.support.AdapterConfiguration;
import com.mallbatch.jobs.launch.CommandLineJobRunner;
import com.mallbatch.jobs.launch.LaunchConfiguration;
import com.mallbatch.jobs.launch.OperatorConfiguration;
import com.mallbatch.jobs.scaleout.ScaleOutConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything the jobs need, for the application (or a test) to import in one line. */
@Configuration(proxyBeanMethods = false)
@Import({AdapterConfiguration.class, Cafe24Configuration.class, SmartStoreConfiguration.class,
        CrawlConfiguration.class, CollectJobConfiguration.class, SettlementJobConfiguration.class, ImportJobConfiguration.class,
        AccountsFileImporter.class, MallAccountEditing.class, CrawlProfileEditing.class, LaunchConfiguration.class, CommandLineJobRunner.class, CommandRunner.class,
        ResumeAccountCommand.class, PauseAccountCommand.class, ConfirmSettlementCommand.class, PostSettlementsCommand.class, BackfillCommand.class,
        RotateSecretKeyCommand.class, ScaleOutConfiguration.class, ReconcileJobConfiguration.class,
        BreakCommands.class, OperatorConfiguration.class, StopRunCommand.class, AbandonRunCommand.class})
public class MallbatchJobs {
}
