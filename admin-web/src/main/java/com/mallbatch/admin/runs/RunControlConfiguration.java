package com.mallbatch.admin.runs;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.jobs.launch.RunControl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stop and abandon, from the web or the command line, are written to admin_audit with the person who asked. */
@Configuration(proxyBeanMethods = false)
class RunControlConfiguration {

    @Bean
    RunControl.Audit runControlAudit(AdminAudit audit) {
        return audit::record;
    }
}
