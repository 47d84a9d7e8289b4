package io.switchboard.workers;

import io.switchboard.config.SharedConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The worker role: activity implementations, one feature package each. The Temporal workers
 * themselves are declared in the {@code worker} profile of {@code application.yaml}. The platform
 * imports this class; the launcher classes are left out of the scan so that only one of them
 * configures a process.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
    basePackages = {
      "io.switchboard.workers",
      "io.switchboard.voice",
      "io.switchboard.messaging",
      "io.switchboard.recording",
      "io.switchboard.ops",
      "io.switchboard.video",
      "io.switchboard.twilio"
    },
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
@Import(SharedConfiguration.class)
public class WorkerConfiguration {}
