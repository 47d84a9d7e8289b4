package io.switchboard.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AesGcmPayloadCodecTest {

  static final String NUMBER = "+15551230001";
  static final String OLD = "k1:" + randomKey();
  static final String NEW = "k2:" + randomKey();

  record Caller(String from) {}

  @Test
  void payloadsAreCiphertextAndRoundTrip() {
    DataConverter converter = converter(OLD, null);

    Payload payload = converter.toPayload(new Caller(NUMBER)).orElseThrow();

    assertThat(payload.toByteArray()).asString(StandardCharsets.ISO_8859_1).doesNotContain(NUMBER);
    assertThat(payload.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k1");
    assertThat(converter.fromPayload(payload, Caller.class, Caller.class).from()).isEqualTo(NUMBER);
  }

  @Test
  void rotatedKeyEncryptsNewPayloadsAndOldOnesStillDecode() {
    Payload before = converter(OLD, null).toPayload(new Caller(NUMBER)).orElseThrow();
    DataConverter rotated = converter(OLD + "," + NEW, "k2");

    Payload after = rotated.toPayload(new Caller(NUMBER)).orElseThrow();

    assertThat(after.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k2");
    assertThat(rotated.fromPayload(before, Caller.class, Caller.class).from()).isEqualTo(NUMBER);
    assertThat(rotated.fromPayload(after, Caller.class, Caller.class).from()).isEqualTo(NUMBER);
    assertThatThrownBy(() -> converter(NEW, null).fromPayload(before, Caller.class, Caller.class))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("'k1', which is not configured");
  }

  @Test
  void payloadRelabelledToAnotherKeyIsRefused() {
    Payload sealed = converter(OLD, null).toPayload(new Caller(NUMBER)).orElseThrow();
    String oldKey = OLD.substring(3);
    Payload relabelled =
        sealed.toBuilder()
            .putMetadata("encryption-key-id", com.google.protobuf.ByteString.copyFromUtf8("k9"))
            .build();

    assertThatThrownBy(
            () ->
                new AesGcmPayloadCodec(PayloadKeyRing.parse("k9:" + oldKey, null))
                    .decode(List.of(relabelled)))
        .isInstanceOf(PayloadCodecException.class);
  }

  @Test
  void plainPayloadsWrittenBeforeEncryptionPassThrough() {
    Payload plain = SwitchboardDataConverter.plain().toPayload(new Caller(NUMBER)).orElseThrow();

    assertThat(new AesGcmPayloadCodec(PayloadKeyRing.parse(OLD, null)).decode(List.of(plain)))
        .containsExactly(plain);
  }

  @Test
  void unknownJsonPropertiesAreIgnored() {
    Payload newer =
        SwitchboardDataConverter.plain()
            .toPayload(java.util.Map.of("from", NUMBER, "addedLater", true))
            .orElseThrow();

    Optional<Caller> read =
        Optional.of(
            SwitchboardDataConverter.plain().fromPayload(newer, Caller.class, Caller.class));

    assertThat(read).hasValueSatisfying(caller -> assertThat(caller.from()).isEqualTo(NUMBER));
  }

  @Test
  void badKeySpecificationsFailWithoutShowingKeyMaterial() {
    assertThatThrownBy(() -> PayloadKeyRing.parse("k1:c2hvcnQ=", null))
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining("c2hvcnQ");
    assertThatThrownBy(() -> PayloadKeyRing.parse(OLD, "k2"))
        .hasMessageContaining("current payload key id");
    assertThatThrownBy(() -> new PayloadEncryptionProperties(true, "", null).keyRing())
        .hasMessageContaining("SWITCHBOARD_PAYLOAD_KEYS");
  }

  static DataConverter converter(String keys, String current) {
    return SwitchboardDataConverter.withCodecs(
        List.of(new AesGcmPayloadCodec(PayloadKeyRing.parse(keys, current))));
  }

  static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
