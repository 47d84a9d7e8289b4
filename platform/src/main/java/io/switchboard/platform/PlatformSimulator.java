package io.switchboard.platform;

import io.switchboard.simulator.SimulatorConfiguration;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Mounts the Twilio simulator in the platform, in simulator mode only. */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorModeCondition.class)
@Import(SimulatorConfiguration.class)
class PlatformSimulator {}
