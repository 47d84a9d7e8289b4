package io.switchboard.simulator.testsupport;

import io.switchboard.simulator.SimulatorProperties;
import io.switchboard.simulator.twiml.TwimlCallFlowRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Builds the TwiML executor explicitly: as committed, {@code TwimlCallFlowRunner} has two public
 * constructors and no {@code @Autowired}, so Spring cannot create the scanned bean. Remove this
 * (and bean overriding in {@link SimulatorTest}) once the executor names its constructor.
 */
@TestConfiguration(proxyBeanMethods = false)
class TwimlRunnerShim {

  @Bean
  TwimlCallFlowRunner twimlCallFlowRunner(SimulatorProperties properties) {
    return new TwimlCallFlowRunner(properties);
  }
}
