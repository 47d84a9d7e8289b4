package io.switchboard.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.recording.RecordingFailureType;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/** A RecordingUrl comes from a webhook: only Twilio's media host and our own recordings. */
class TwilioMediaTest {

  static final String ACCOUNT = "AC11111111111111111111111111111111";
  static final String RECORDING = "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  private final TwilioMedia media =
      new TwilioMedia(
          new SwitchboardProperties(
              null,
              null,
              new SwitchboardProperties.Twilio(
                  ACCOUNT, "token", SwitchboardProperties.TwilioMode.LIVE, null),
              null),
          new MockEnvironment(),
          new TwilioHttpProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), 2));

  @Test
  void acceptsTwilioMediaHostForOurAccount() {
    String url =
        "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + RECORDING;

    assertThat(media.check(url).getHost()).isEqualTo("api.twilio.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + RECORDING,
        "http://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + RECORDING,
        "https://api.twilio.com@169.254.169.254/2010-04-01/Accounts/"
            + ACCOUNT
            + "/Recordings/"
            + RECORDING,
        "https://api.twilio.com.evil.example/2010-04-01/Accounts/"
            + ACCOUNT
            + "/Recordings/"
            + RECORDING,
        "https://api.twilio.com:8443/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + RECORDING,
        "https://api.twilio.com/2010-04-01/Accounts/AC22222222222222222222222222222222"
            + "/Recordings/"
            + RECORDING,
        "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/../../../../x",
        "https://api.twilio.com/2010-04-01/Accounts/"
            + ACCOUNT
            + "/Recordings/"
            + RECORDING
            + "?x=1",
        "file:///etc/passwd",
        "not a url"
      })
  void refusesEverythingElseAsNonRetryable(String url) {
    assertThatThrownBy(() -> media.openWav(url))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType())
                  .isEqualTo(RecordingFailureType.MEDIA_HOST_REFUSED.name());
              assertThat(failure.isNonRetryable()).isTrue();
            });
  }

  static final String MESSAGE = "MMbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  static final String MEDIA_URL =
      "https://api.twilio.com/2010-04-01/Accounts/"
          + ACCOUNT
          + "/Messages/"
          + MESSAGE
          + "/Media/MEcccccccccccccccccccccccccccccccc";

  @Test
  void acceptsThisMessagesMediaOnTwilioMediaHost() {
    assertThat(media.checkMessageMedia(MEDIA_URL, MESSAGE).getPath())
        .endsWith("/Media/ME" + "c".repeat(32));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example.com/2010-04-01/Accounts/"
            + ACCOUNT
            + "/Messages/"
            + MESSAGE
            + "/Media/MEcccccccccccccccccccccccccccccccc",
        "http://api.twilio.com/2010-04-01/Accounts/"
            + ACCOUNT
            + "/Messages/"
            + MESSAGE
            + "/Media/MEcccccccccccccccccccccccccccccccc",
        "https://api.twilio.com/2010-04-01/Accounts/"
            + ACCOUNT
            + "/Messages/MMdddddddddddddddddddddddddddddddd/Media/MEcccccccccccccccccccccccccccccccc",
        "https://api.twilio.com/2010-04-01/Accounts/AC22222222222222222222222222222222/Messages/"
            + MESSAGE
            + "/Media/MEcccccccccccccccccccccccccccccccc",
        "https://api.twilio.com/2010-04-01/Accounts/"
            + ACCOUNT
            + "/Messages/"
            + MESSAGE
            + "/Media/../../../Recordings/REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "https://api.twilio.com/2010-04-01/Accounts/"
            + ACCOUNT
            + "/Messages/"
            + MESSAGE
            + "/Media/MEcccccccccccccccccccccccccccccccc?redirect=https://evil.example",
        "https://mms.twiliocdn.com/" + ACCOUNT + "/cccc",
        "http://169.254.169.254/latest/meta-data/",
        "not a url"
      })
  void refusesAnythingButThisMessagesMediaOnTwilioMediaHost(String url) {
    assertThatThrownBy(() -> media.openMessageMedia(url, MESSAGE))
        .isInstanceOf(MediaRefusedException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://mms.twiliocdn.com/" + ACCOUNT + "/4b1ef0b2a3c2?Expires=1&Signature=x",
        "https://s3-external-1.amazonaws.com/media.twiliocdn.com/" + ACCOUNT + "/4b1ef0b2a3c2"
      })
  void followsRedirectsToTwiliosDocumentedMessageMediaStorage(String location) {
    assertThat(TwilioMedia.messageStorage(java.net.URI.create(location))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://s3-external-1.amazonaws.com/attacker-bucket/x",
        "https://evil.twiliocdn.com.example/x",
        "https://mms.twiliocdn.com:8443/x",
        "https://s3-external-1.amazonaws.com/media.twiliocdn.com/../attacker/x",
        "https://169.254.169.254/latest/meta-data/"
      })
  void refusesRedirectsAnywhereElse(String location) {
    assertThat(TwilioMedia.messageStorage(java.net.URI.create(location))).isFalse();
  }
}
