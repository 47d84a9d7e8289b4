package io.switchboard.temporal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;

/**
 * The one way Switchboard turns workflow arguments into Temporal payloads, for every client and
 * worker: Temporal's JSON converter, tolerant of unknown properties, then the payload codecs.
 */
public final class SwitchboardDataConverter {

  private SwitchboardDataConverter() {}

  /**
   * JSON that ignores properties it does not know. A record that gains a field (or a method Jackson
   * mistakes for one) then still reads payloads written by newer code, and an older worker still
   * reads them during a rolling deploy, instead of failing a running workflow's task.
   */
  public static ObjectMapper objectMapper() {
    return JacksonJsonPayloadConverter.newDefaultObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  /** The converter without codecs: readable JSON, as tests and tools without the keys see it. */
  public static DataConverter plain() {
    return DefaultDataConverter.newDefaultInstance()
        .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(objectMapper()));
  }

  public static DataConverter withCodecs(List<PayloadCodec> codecs) {
    return new CodecDataConverter(plain(), codecs);
  }
}
