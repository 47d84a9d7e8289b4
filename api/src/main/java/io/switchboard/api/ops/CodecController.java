package io.switchboard.api.ops;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.switchboard.api.web.Problems;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporal's remote codec protocol, for the Temporal UI and CLI ({@code --codec-endpoint}): {@code
 * POST /codec/decode} and {@code /codec/encode} take and answer {@code {"payloads":[...]}} in
 * protobuf JSON. It decrypts personal data, so it needs an API key with scope {@code ops} and
 * answers browsers only from the Temporal UI's origin (see {@link OpsConfiguration}). It is not
 * part of the REST API's OpenAPI document: its contract is Temporal's.
 */
@RestController
@RequestMapping(
    path = "/codec",
    consumes = MediaType.APPLICATION_JSON_VALUE,
    produces = MediaType.APPLICATION_JSON_VALUE)
class CodecController {

  private final PayloadCodec codec;
  private final String namespace;

  CodecController(
      // By name: the data converter wrapping this codec is itself a PayloadCodec.
      @Qualifier("payloadCodec") PayloadCodec codec,
      @Value("${spring.temporal.namespace:default}") String ns) {
    this.codec = codec;
    this.namespace = ns;
  }

  @PostMapping("/decode")
  String decode(
      @RequestHeader(name = "X-Namespace", required = false) String requested,
      @RequestBody String body)
      throws InvalidProtocolBufferException {
    return apply(requested, body, codec::decode);
  }

  @PostMapping("/encode")
  String encode(
      @RequestHeader(name = "X-Namespace", required = false) String requested,
      @RequestBody String body)
      throws InvalidProtocolBufferException {
    return apply(requested, body, codec::encode);
  }

  /**
   * Only our namespace's payloads are ours to decode; a UI pointed at several namespaces must not
   * learn anything about another one's from this endpoint.
   */
  private String apply(String requested, String body, UnaryOperator<List<Payload>> operation)
      throws InvalidProtocolBufferException {
    if (requested != null && !requested.isBlank() && !requested.equals(namespace)) {
      throw new IllegalArgumentException("this codec serves namespace '" + namespace + "' only");
    }
    Payloads.Builder payloads = Payloads.newBuilder();
    JsonFormat.parser().ignoringUnknownFields().merge(body, payloads);
    List<Payload> result = operation.apply(payloads.getPayloadsList());
    return JsonFormat.printer().print(Payloads.newBuilder().addAllPayloads(result));
  }

  @ExceptionHandler(InvalidProtocolBufferException.class)
  ProblemDetail notPayloads(InvalidProtocolBufferException e) {
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "bad-request",
        "Bad request",
        "The body must be {\"payloads\":[...]} in protobuf JSON.");
  }

  /** Which key is missing is safe to tell an ops user; the payload is never echoed. */
  @ExceptionHandler(PayloadCodecException.class)
  ProblemDetail undecodable(PayloadCodecException e) {
    return Problems.of(
        HttpStatus.UNPROCESSABLE_CONTENT, "undecodable-payload", "Undecodable", e.getMessage());
  }
}
