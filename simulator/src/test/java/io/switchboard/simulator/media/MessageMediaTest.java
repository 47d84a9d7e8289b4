package io.switchboard.simulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.message.Media;
import io.switchboard.simulator.testsupport.CallbackReceiver.Received;
import io.switchboard.simulator.testsupport.SimulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An inbound MMS as Twilio delivers it: the webhook names media on Twilio's media host, the media
 * is served from there (here, the simulator) to the account only, and Twilio's Media subresource
 * fetches, lists and deletes it in the shapes Twilio's OpenAPI documents.
 */
class MessageMediaTest extends SimulatorTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final byte[] PICTURE =
      "not really a PNG, but bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void inboundMmsNamesTwilioMediaUrlsThatServeTheAttachedBytes() throws Exception {
    Received webhook = inboundMms();

    String url = webhook.get("MediaUrl0");
    String messageSid = webhook.get("MessageSid");
    assertThat(messageSid).startsWith("MM");
    assertThat(webhook.get("NumMedia")).isEqualTo("2");
    assertThat(webhook.get("MediaContentType0")).isEqualTo("image/png");
    assertThat(webhook.get("MediaContentType1")).isEqualTo("image/jpeg");
    assertThat(url)
        .startsWith(
            "https://api.twilio.com/2010-04-01/Accounts/"
                + ACCOUNT_SID
                + "/Messages/"
                + messageSid
                + "/Media/ME");
    HttpResponse<byte[]> content = get(url, true);
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(content.body()).isEqualTo(PICTURE);
    assertThat(get(webhook.get("MediaUrl1"), true).body()).hasSize(3 * 1024);
    assertThat(get(url, false).statusCode())
        .as("media needs the account's credentials")
        .isEqualTo(401);
  }

  @Test
  void mediaIsFetchedListedAndDeletedThroughTwilioJava() throws Exception {
    Received webhook = inboundMms();
    String messageSid = webhook.get("MessageSid");
    String mediaSid = sid(webhook.get("MediaUrl0"));

    Media fetched = Media.fetcher(messageSid, mediaSid).fetch(twilio);
    List<String> listed = new ArrayList<>();
    Media.reader(messageSid).read(twilio).forEach(media -> listed.add(media.getSid()));
    boolean deleted = Media.deleter(messageSid, mediaSid).delete(twilio);

    assertThat(fetched.getContentType()).isEqualTo("image/png");
    assertThat(fetched.getParentSid()).isEqualTo(messageSid);
    assertThat(listed).hasSize(2).contains(mediaSid);
    assertThat(deleted).isTrue();
    assertThat(get(webhook.get("MediaUrl0"), true).statusCode()).isEqualTo(404);
    ApiException gone =
        catchThrowableOfType(
            ApiException.class, () -> Media.fetcher(messageSid, mediaSid).fetch(twilio));
    assertThat(gone.getStatusCode()).isEqualTo(404);
  }

  private Received inboundMms() throws Exception {
    HttpResponse<String> response =
        send(
            "POST",
            "/simulator/api/messages/inbound",
            """
            {"from":"%s","to":"%s","body":"look","url":"%s",
             "media":[{"contentType":"image/png","content":"%s"},{"contentType":"image/jpeg"}]}
            """
                .formatted(
                    HANDSET,
                    VALID_FROM,
                    callbackUrl("sms"),
                    Base64.getEncoder().encodeToString(PICTURE)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return callbacks.awaitCount("sms", 1).get(0);
  }

  /** A Twilio media URL, fetched from the simulator as the application would. */
  private HttpResponse<byte[]> get(String twilioUrl, boolean credentials) throws Exception {
    String local = twilioBaseUrl() + twilioUrl.substring("https://api.twilio.com".length());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local)).GET();
    if (credentials) {
      String basic = ACCOUNT_SID + ":" + AUTH_TOKEN;
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String sid(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
