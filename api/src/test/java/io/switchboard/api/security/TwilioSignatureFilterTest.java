package io.switchboard.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.api.web.ProblemWriter;
import io.switchboard.config.SwitchboardProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signature check with twilio-java's real validator, on Twilio's published example: the request
 * Twilio's security documentation signs with auth token {@code 12345}.
 */
class TwilioSignatureFilterTest {

  static final String TOKEN = "12345";
  static final String ACCOUNT = "AC0000000000000000000000000000000a";
  static final String PUBLISHED_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void twiliosPublishedExampleIsAccepted() throws Exception {
    Map<String, String> params = publishedParams();
    params.put("AccountSid", ACCOUNT);
    // The published example has no AccountSid; our filter also requires ours, so the published
    // vector is checked on its own first, then the same request with the account added.
    assertThat(
            new com.twilio.security.RequestValidator(TOKEN)
                .validate(
                    "https://mycompany.com/myapp.php?foo=1&bar=2",
                    publishedParams(),
                    PUBLISHED_SIGNATURE))
        .isTrue();

    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse response =
        run(request(params, sign("https://mycompany.com/myapp.php?foo=1&bar=2", params)), chain);

    assertThat(response.getStatus()).isEqualTo(200);
    TwilioWebhook webhook =
        (TwilioWebhook) chain.getRequest().getAttribute(TwilioWebhook.ATTRIBUTE);
    assertThat(webhook.param("Digits")).isEqualTo("1234");
    assertThat(webhook.url()).isEqualTo("https://mycompany.com/myapp.php?foo=1&bar=2");
  }

  @Test
  void forgedSignatureIsForbiddenCountedAndGoesNoFurther() throws Exception {
    Map<String, String> params = publishedParams();
    params.put("AccountSid", ACCOUNT);
    MockFilterChain chain = new MockFilterChain();

    MockHttpServletResponse response = run(request(params, PUBLISHED_SIGNATURE), chain);

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString()).contains("webhook-invalid-signature");
    assertThat(chain.getRequest()).isNull();
    assertThat(rejected("invalid_signature")).isEqualTo(1.0);
  }

  @Test
  void tamperedParameterInvalidatesTheSignature() throws Exception {
    Map<String, String> params = publishedParams();
    params.put("AccountSid", ACCOUNT);
    String signature = sign("https://mycompany.com/myapp.php?foo=1&bar=2", params);
    params.put("Digits", "9999");
    MockFilterChain chain = new MockFilterChain();

    assertThat(run(request(params, signature), chain).getStatus()).isEqualTo(403);
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void missingSignatureIsForbidden() throws Exception {
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse response = run(request(publishedParams(), null), chain);

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(chain.getRequest()).isNull();
    assertThat(rejected("missing_signature")).isEqualTo(1.0);
  }

  @Test
  void validlySignedRequestForAnotherAccountIsForbidden() throws Exception {
    Map<String, String> params = publishedParams();
    params.put("AccountSid", "AC9999999999999999999999999999999b");
    MockFilterChain chain = new MockFilterChain();

    MockHttpServletResponse response =
        run(request(params, sign("https://mycompany.com/myapp.php?foo=1&bar=2", params)), chain);

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(rejected("unknown_account")).isEqualTo(1.0);
  }

  @Test
  void nonFormBodyIsUnsupportedMediaType() throws Exception {
    MockHttpServletRequest request = request(publishedParams(), "sig");
    request.setContentType("application/json");

    assertThat(run(request, new MockFilterChain()).getStatus()).isEqualTo(415);
  }

  @Test
  void oversizedBodyIsRefusedBeforeValidation() throws Exception {
    MockHttpServletRequest request = request(Map.of(), "sig");
    request.setContent(new byte[TwilioSignatureFilter.MAX_BODY_BYTES + 1]);

    assertThat(run(request, new MockFilterChain()).getStatus()).isEqualTo(413);
  }

  @Test
  void malformedPercentEscapeIsBadRequest() throws Exception {
    MockHttpServletRequest request = request(Map.of(), "sig");
    request.setContent("CallSid=%zz".getBytes(StandardCharsets.UTF_8));

    assertThat(run(request, new MockFilterChain()).getStatus()).isEqualTo(400);
  }

  @Test
  void signedParameterLongerThanTwilioSendsIsBadRequestNamingItNotItsValue() throws Exception {
    Map<String, String> params = publishedParams();
    params.put("AccountSid", ACCOUNT);
    String from = "+1" + "5".repeat(300);
    params.put("From", from);
    MockFilterChain chain = new MockFilterChain();

    MockHttpServletResponse response =
        run(request(params, sign("https://mycompany.com/myapp.php?foo=1&bar=2", params)), chain);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("webhook-parameter-too-long", "From may be at most 256 characters")
        .doesNotContain(from);
    assertThat(chain.getRequest()).isNull();
    assertThat(rejected("parameter_too_long")).isEqualTo(1.0);
  }

  @Test
  void sidsAndStatusesBeyondTheirShapeAreRefusedAndALongSipUriIsNot() throws Exception {
    String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    Map<String, String> longSid = publishedParams();
    longSid.put("AccountSid", ACCOUNT);
    longSid.put("RecordingSid", "RE" + "a".repeat(63));
    Map<String, String> longStatus = publishedParams();
    longStatus.put("AccountSid", ACCOUNT);
    longStatus.put("CallStatus", "x".repeat(33));
    Map<String, String> sipCaller = publishedParams();
    sipCaller.put("AccountSid", ACCOUNT);
    sipCaller.put("From", "sip:" + "alice".repeat(20) + "@switchboard-prod.sip.us1.twilio.com");

    assertThat(run(request(longSid, sign(url, longSid)), new MockFilterChain()).getStatus())
        .isEqualTo(400);
    assertThat(run(request(longStatus, sign(url, longStatus)), new MockFilterChain()).getStatus())
        .isEqualTo(400);
    assertThat(run(request(sipCaller, sign(url, sipCaller)), new MockFilterChain()).getStatus())
        .isEqualTo(200);
  }

  private MockHttpServletResponse run(MockHttpServletRequest request, MockFilterChain chain)
      throws Exception {
    return run(request, chain, URI.create("https://mycompany.com"), List.of(), List.of());
  }

  MockHttpServletResponse run(
      MockHttpServletRequest request,
      MockFilterChain chain,
      URI publicUrl,
      List<String> trustedProxies,
      List<String> allowedCidrs)
      throws Exception {
    SwitchboardProperties properties =
        new SwitchboardProperties(
            publicUrl, null, new SwitchboardProperties.Twilio(ACCOUNT, TOKEN, null, null), null);
    TrustedProxies proxies = new TrustedProxies(trustedProxies);
    JsonMapper json = JsonMapper.builder().build();
    TwilioSignatureFilter filter =
        new TwilioSignatureFilter(
            properties,
            new WebhookUrls(properties, proxies),
            proxies,
            allowedCidrs,
            new ProblemWriter(json),
            meters,
            json);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, chain);
    return response;
  }

  static MockHttpServletRequest request(Map<String, String> params, String signature) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/myapp.php");
    request.setQueryString("foo=1&bar=2");
    request.setContentType("application/x-www-form-urlencoded");
    StringBuilder body = new StringBuilder();
    params.forEach(
        (name, value) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
    request.setContent(body.toString().getBytes(StandardCharsets.UTF_8));
    if (signature != null) {
      request.addHeader("X-Twilio-Signature", signature);
    }
    return request;
  }

  static Map<String, String> publishedParams() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", "CA1234567890ABCDE");
    params.put("Caller", "+12349013030");
    params.put("Digits", "1234");
    params.put("From", "+12349013030");
    params.put("To", "+18005551212");
    return params;
  }

  /** Signs like Twilio: HMAC-SHA1 over the URL and the sorted parameters. */
  static String sign(String url, Map<String, String> params) throws Exception {
    StringBuilder data = new StringBuilder(url);
    new java.util.TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return java.util.Base64.getEncoder()
        .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
  }

  double rejected(String reason) {
    var counter = meters.find("switchboard.webhooks.rejected").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
