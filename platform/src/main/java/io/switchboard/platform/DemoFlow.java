package io.switchboard.platform;

import io.switchboard.api.voice.flow.FlowStore;
import io.switchboard.voice.flow.Flow;
import io.switchboard.voice.flow.FlowValidator;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Out of the box, the embedded platform answers calls with a demo flow: on first start it publishes
 * {@code flows/demo.json} as flow {@code demo} and maps it as the default for every number. An
 * operator's own flows and mappings are left alone on later starts.
 */
@Component
@ConditionalOnProperty(name = "switchboard.embedded.enabled", havingValue = "true")
class DemoFlow implements ApplicationRunner {

  static final String NAME = "demo";

  private static final Logger log = LoggerFactory.getLogger(DemoFlow.class);

  private final FlowStore flows;
  private final JsonMapper json;

  DemoFlow(FlowStore flows, JsonMapper json) {
    this.flows = flows;
    this.json = json;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (flows.find(NAME, null).isEmpty()) {
      Flow demo;
      try (InputStream in = new ClassPathResource("flows/demo.json").getInputStream()) {
        demo = json.readValue(in, Flow.class);
      }
      List<String> problems = FlowValidator.validate(demo);
      if (!problems.isEmpty()) {
        throw new IllegalStateException("the demo flow is invalid: " + problems);
      }
      flows.publish(NAME, demo);
      log.info("published the demo flow");
    }
    if (flows.mapping(FlowStore.DEFAULT_NUMBER).isEmpty()) {
      flows.map(FlowStore.DEFAULT_NUMBER, NAME);
      log.info("calls to numbers without a flow of their own get the demo flow");
    }
  }
}
