package io.switchboard.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Signatures as deployments really receive them: behind a TLS-offloading proxy, on a non-default
 * port, with a query a proxy re-encoded, as JSON with bodySHA256, and with an address allowlist. In
 * every case a valid signature passes and a forged one fails.
 */
class WebhookProxyMatrixTest {

  private final TwilioSignatureFilterTest support = new TwilioSignatureFilterTest();

  @Test
  void tlsOffloadingProxyIsBelievedOnlyWhenTrusted() throws Exception {
    Map<String, String> params = params();
    String signed = "https://hooks.example.com/webhooks/status";
    MockHttpServletRequest request = behindProxy(params, signed);

    assertThat(run(request, null, List.of("10.0.0.0/8")).getStatus()).isEqualTo(200);
    // The same headers from an untrusted peer are ignored: we see plain http on the inner host.
    assertThat(run(behindProxy(params, signed), null, List.of()).getStatus()).isEqualTo(403);
    MockHttpServletRequest forged = behindProxy(params, signed);
    forged.removeHeader("X-Twilio-Signature");
    forged.addHeader("X-Twilio-Signature", "Zm9yZ2Vk");
    assertThat(run(forged, null, List.of("10.0.0.0/8")).getStatus()).isEqualTo(403);
  }

  @Test
  void nonDefaultPortInThePublicUrlIsPartOfTheSignedUrl() throws Exception {
    Map<String, String> params = params();
    URI publicUrl = URI.create("https://hooks.example.com:8443");
    String signature =
        TwilioSignatureFilterTest.sign("https://hooks.example.com:8443/webhooks/status", params);

    assertThat(run(request(params, signature, null), publicUrl, List.of()).getStatus())
        .isEqualTo(200);
    String wrongPort =
        TwilioSignatureFilterTest.sign("https://hooks.example.com:9443/webhooks/status", params);
    assertThat(run(request(params, wrongPort, null), publicUrl, List.of()).getStatus())
        .isEqualTo(403);
  }

  @Test
  void defaultPortWrittenOrNotIsTheSameUrl() throws Exception {
    Map<String, String> params = params();
    String withPort =
        TwilioSignatureFilterTest.sign("https://hooks.example.com:443/webhooks/status", params);

    assertThat(
            run(request(params, withPort, null), URI.create("https://hooks.example.com"), List.of())
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void queryReEncodedByAProxyStillMatches() throws Exception {
    Map<String, String> params = params();
    URI publicUrl = URI.create("https://hooks.example.com");
    // Twilio signed the URL as configured; the proxy passed the query on with %3A decoded.
    String signature =
        TwilioSignatureFilterTest.sign(
            "https://hooks.example.com/webhooks/status?workflowId=call%3ACA1", params);
    MockHttpServletRequest reencoded = request(params, signature, "workflowId=call:CA1");

    assertThat(run(reencoded, publicUrl, List.of()).getStatus()).isEqualTo(200);
    MockHttpServletRequest otherTarget = request(params, signature, "workflowId=call:CA2");
    assertThat(run(otherTarget, publicUrl, List.of()).getStatus()).isEqualTo(403);
  }

  @Test
  void jsonBodySignedWithBodySha256IsAcceptedAndATamperedBodyIsNot() throws Exception {
    String body = "{\"AccountSid\":\"" + TwilioSignatureFilterTest.ACCOUNT + "\",\"x\":\"1\"}";
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    String query = "bodySHA256=" + hash;
    String signature =
        TwilioSignatureFilterTest.sign(
            "https://hooks.example.com/webhooks/status?" + query, Map.of());
    URI publicUrl = URI.create("https://hooks.example.com");

    assertThat(run(json(body, signature, query), publicUrl, List.of()).getStatus()).isEqualTo(200);
    String tampered = body.replace("\"1\"", "\"2\"");
    assertThat(run(json(tampered, signature, query), publicUrl, List.of()).getStatus())
        .isEqualTo(403);
  }

  @Test
  void addressOutsideTheAllowlistIsRefusedBeforeTheSignature() throws Exception {
    Map<String, String> params = params();
    String signature =
        TwilioSignatureFilterTest.sign("https://hooks.example.com/webhooks/status", params);
    MockHttpServletRequest outsider = request(params, signature, null);
    outsider.setRemoteAddr("203.0.113.9");
    MockHttpServletRequest insider = request(params, signature, null);
    insider.setRemoteAddr("198.51.100.7");

    List<String> allow = List.of("198.51.100.0/24");
    assertThat(runAllow(outsider, allow).getStatus()).isEqualTo(403);
    assertThat(support.rejected("ip_not_allowed")).isEqualTo(1.0);
    assertThat(runAllow(insider, allow).getStatus()).isEqualTo(200);
  }

  private MockHttpServletResponse run(
      MockHttpServletRequest request, URI publicUrl, List<String> trusted) throws Exception {
    return support.run(request, new MockFilterChain(), publicUrl, trusted, List.of());
  }

  private MockHttpServletResponse runAllow(MockHttpServletRequest request, List<String> allow)
      throws Exception {
    return support.run(
        request, new MockFilterChain(), URI.create("https://hooks.example.com"), List.of(), allow);
  }

  private static MockHttpServletRequest behindProxy(Map<String, String> params, String signed)
      throws Exception {
    MockHttpServletRequest request =
        request(params, TwilioSignatureFilterTest.sign(signed, params), null);
    request.setScheme("http");
    request.setServerName("switchboard-internal");
    request.setServerPort(8080);
    request.setRemoteAddr("10.1.2.3");
    request.addHeader("X-Forwarded-Proto", "https");
    request.addHeader("X-Forwarded-Host", "hooks.example.com");
    request.addHeader("X-Forwarded-Port", "443");
    return request;
  }

  private static MockHttpServletRequest request(
      Map<String, String> params, String signature, String query) {
    MockHttpServletRequest request = TwilioSignatureFilterTest.request(params, signature);
    request.setRequestURI("/webhooks/status");
    request.setQueryString(query);
    return request;
  }

  private static MockHttpServletRequest json(String body, String signature, String query) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/status");
    request.setQueryString(query);
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    request.addHeader("X-Twilio-Signature", signature);
    return request;
  }

  private static Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", TwilioSignatureFilterTest.ACCOUNT);
    params.put("CallSid", "CA1");
    params.put("CallStatus", "completed");
    return params;
  }
}
