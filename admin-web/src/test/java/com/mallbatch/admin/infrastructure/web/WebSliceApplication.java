package com.mallbatch.admin.infrastructure.web;

import com.mallbatch.admin.infrastructure.security.SecurityConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of the admin web starts from: the admin web's controllers as the slice picks them, and the
 * real security configuration. The application class itself imports every job, which a web slice must not start.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "com.mallbatch.admin",
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@Import(SecurityConfiguration.class)
public class WebSliceApplication {
}
