package io.switchboard.temporal;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Gives every Temporal client and worker in the process the encrypting data converter. The Temporal
 * Spring Boot starter (1.38) uses a {@link DataConverter} bean for its clients and workers, and
 * prefers the one named {@code mainDataConverter} when there are several. The beans are lazy: a
 * process that talks to Temporal makes them at start (and fails there without keys), while a test
 * context without Temporal needs no keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayloadEncryptionProperties.class)
public class TemporalPayloadConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TemporalPayloadConfiguration.class);

  /**
   * The codec, also served to the Temporal UI by the api's codec endpoint. With encryption off it
   * passes payloads through, which is what the remote codec protocol expects of a no-op codec.
   */
  @Bean
  @Lazy
  public PayloadCodec payloadCodec(PayloadEncryptionProperties properties) {
    if (!properties.enabled()) {
      log.warn("Temporal payload encryption is OFF: histories hold personal data in plain text");
      return new PassThroughCodec();
    }
    return new AesGcmPayloadCodec(properties.keyRing());
  }

  /**
   * Converts one value at start, so that the first voice webhook, which has a 2 s budget, does not
   * pay for loading the JSON and codec classes.
   */
  @Bean
  @Lazy
  public DataConverter mainDataConverter(PayloadCodec payloadCodec) {
    DataConverter converter = SwitchboardDataConverter.withCodecs(List.of(payloadCodec));
    converter.fromPayload(
        converter.toPayload(List.of("warm-up")).orElseThrow(), List.class, List.class);
    return converter;
  }

  private static final class PassThroughCodec implements PayloadCodec {
    @Override
    public List<Payload> encode(List<Payload> payloads) {
      return payloads;
    }

    @Override
    public List<Payload> decode(List<Payload> payloads) {
      return payloads;
    }
  }
}
