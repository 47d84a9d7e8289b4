package io.switchboard.api;

import io.switchboard.config.SharedConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The api role: webhooks and REST, a Temporal client only. The platform imports this class; the
 * launcher is left out of the scan so that only one launcher configures a process.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
    basePackages = "io.switchboard.api",
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
@Import(SharedConfiguration.class)
public class ApiConfiguration {}
