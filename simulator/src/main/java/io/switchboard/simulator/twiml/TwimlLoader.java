package io.switchboard.simulator.twiml;

import io.switchboard.simulator.webhook.SignedWebhookClient;
import io.switchboard.simulator.webhook.SignedWebhookClient.WebhookFailedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Gets TwiML documents from the application: signed requests with Twilio's voice parameters, every
 * one written to the transcript, and Twilio's failure handling.
 *
 * <p>Twilio's "Availability and Reliability" page: "If Twilio is unable to retrieve or execute
 * TwiML from your web server, a request is immediately made to the number's Fallback URL. Twilio
 * will submit the ErrorCode and ErrorUrl parameters". Without a fallback the caller hears an
 * application error and the call ends; our contract reports it as {@code failed} with the code. Any
 * non-2xx answer or a transport failure is 11200 "HTTP retrieval failure"; a body that is not TwiML
 * is 12100 or 12102 (see {@link TwimlParser}).
 */
final class TwimlLoader {

  /** A document ready to run, or the error that ended the call. */
  record Loaded(String url, List<Element> verbs, Integer errorCode) {
    boolean failed() {
      return errorCode != null;
    }
  }

  private final SignedWebhookClient client;

  TwimlLoader(SignedWebhookClient client) {
    this.client = client;
  }

  Loaded inline(CallSession session, String twiml) {
    try {
      List<Element> verbs = TwimlParser.verbs(twiml);
      session.enterDocument(null);
      session.verb("twiml", "Runs the TwiML given when the call was created");
      return new Loaded(null, verbs, null);
    } catch (TwimlFailure failure) {
      return fallback(session, "inline TwiML", Map.of(), failure);
    }
  }

  Loaded load(CallSession session, String url, String method, Map<String, String> extra) {
    Map<String, String> params = new LinkedHashMap<>(VoiceParameters.of(session.call(), ""));
    params.put("CallStatus", session.callStatus());
    params.putAll(extra);
    try {
      return new Loaded(url, fetch(session, url, method, params), null);
    } catch (TwimlFailure failure) {
      return fallback(session, url, extra, failure);
    }
  }

  /** Makes a request whose answer Twilio ignores (an action after the caller hung up). */
  void notify(CallSession session, String url, String method, Map<String, String> extra) {
    Map<String, String> params = new LinkedHashMap<>(VoiceParameters.of(session.call(), ""));
    params.put("CallStatus", "completed");
    params.putAll(extra);
    try {
      send(session, url, method, params, "the caller has hung up: the answer is ignored");
    } catch (TwimlFailure failure) {
      session.error(failure.errorCode(), failure.getMessage());
    }
  }

  /** The fallback gets what the failed request carried, plus ErrorCode and ErrorUrl. */
  private Loaded fallback(
      CallSession session, String failedUrl, Map<String, String> extra, TwimlFailure failure) {
    session.error(failure.errorCode(), failure.getMessage());
    String fallbackUrl = session.call().fallbackUrl();
    if (fallbackUrl == null || fallbackUrl.isBlank() || fallbackUrl.equals(failedUrl)) {
      return new Loaded(failedUrl, List.of(), failure.errorCode());
    }
    Map<String, String> params = new LinkedHashMap<>(VoiceParameters.of(session.call(), ""));
    params.put("CallStatus", session.callStatus());
    params.putAll(extra);
    params.put("ErrorCode", String.valueOf(failure.errorCode()));
    params.put("ErrorUrl", failedUrl);
    String method = TwimlUrls.method(session.call().fallbackMethod(), "POST");
    try {
      return new Loaded(fallbackUrl, fetch(session, fallbackUrl, method, params), null);
    } catch (TwimlFailure second) {
      session.error(second.errorCode(), "the fallback URL failed too: " + second.getMessage());
      return new Loaded(fallbackUrl, List.of(), second.errorCode());
    }
  }

  private List<Element> fetch(
      CallSession session, String url, String method, Map<String, String> params)
      throws TwimlFailure {
    SignedWebhookClient.Response response = send(session, url, method, params, null);
    List<Element> verbs = TwimlParser.verbs(response.body());
    session.enterDocument(url);
    return verbs;
  }

  private SignedWebhookClient.Response send(
      CallSession session, String url, String method, Map<String, String> params, String note)
      throws TwimlFailure {
    SignedWebhookClient.Response response;
    try {
      response = "GET".equals(method) ? client.get(url, params) : client.post(url, params);
    } catch (WebhookFailedException | IllegalArgumentException e) {
      session.request(method, url, params, 0, null, Duration.ZERO, "no answer: " + e.getMessage());
      throw new TwimlFailure(11200, "HTTP retrieval failure: " + rootMessage(e));
    }
    String description =
        Optional.ofNullable(note).orElse("the application answered HTTP " + response.status());
    session.request(
        method, url, params, response.status(), response.body(), response.elapsed(), description);
    if (response.status() < 200 || response.status() > 299) {
      throw new TwimlFailure(
          11200, "HTTP retrieval failure: " + url + " answered HTTP " + response.status());
    }
    return response;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
