package io.switchboard.simulator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The Twilio simulator, mounted under {@code /simulator}: Twilio's REST paths under {@code
 * /simulator/twilio}, its control API under {@code /simulator/api}. The platform imports this
 * class; the standalone launcher is left out of the scan.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SimulatorProperties.class, LifecycleProperties.class})
@ComponentScan(
    basePackages = "io.switchboard.simulator",
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class))
public class SimulatorConfiguration {}
