package io.switchboard.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.switchboard.config.SharedConfiguration;
import io.switchboard.messaging.MessageMediaRepository;
import io.switchboard.messaging.MessageMediaRow;
import io.switchboard.messaging.MessageRecord;
import io.switchboard.messaging.MessageRepository;
import io.switchboard.messaging.OptOutRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The inbound service the webhook ingress calls, against a real PostgreSQL. */
@SpringBootTest(classes = InboundMessagesTest.Config.class)
class InboundMessagesTest {

  static final EmbeddedPostgres POSTGRES = start();
  static final String OURS = "+14155550199";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({SharedConfiguration.class, MessagingApiConfiguration.class, InboundMessages.class})
  static class Config {}

  @DynamicPropertySource
  static void datasource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired InboundMessages inbound;
  @Autowired OptOutRepository optOuts;
  @Autowired MessageRepository messages;
  @Autowired MessageMediaRepository media;

  @Test
  void stopOptsTheSenderOutAndIsAnsweredWithTwiliosConfirmation() {
    InboundReply reply = inbound.handle(sms("SM1", "+14155550101", " stop "));

    assertThat(reply.text()).isEqualTo(InboundMessages.STOPPED);
    assertThat(optOuts.isOptedOut(OURS, "+14155550101")).isTrue();
  }

  @Test
  void everyStandardOptOutKeywordCounts() {
    int i = 0;
    for (String keyword : InboundMessages.OPT_OUT) {
      String from = "+1415555020" + i++;
      inbound.handle(sms("SMk" + keyword, from, keyword.toLowerCase()));
      assertThat(optOuts.isOptedOut(OURS, from)).as(keyword).isTrue();
    }
  }

  @Test
  void startOptsBackIn() {
    inbound.handle(sms("SM2", "+14155550102", "STOP"));

    InboundReply reply = inbound.handle(sms("SM3", "+14155550102", "Start"));

    assertThat(reply.text()).isEqualTo(InboundMessages.STARTED);
    assertThat(optOuts.isOptedOut(OURS, "+14155550102")).isFalse();
  }

  @Test
  void helpIsAnsweredWithoutChangingConsent() {
    InboundReply reply = inbound.handle(sms("SM4", "+14155550103", "HELP"));

    assertThat(reply.text()).isEqualTo(InboundMessages.HELPED);
    assertThat(optOuts.isOptedOut(OURS, "+14155550103")).isFalse();
  }

  @Test
  void keywordInsideASentenceIsAnOrdinaryMessageStoredOnce() {
    Map<String, String> params = sms("SM5", "+14155550104", "please stop by at noon");

    InboundReply first = inbound.handle(params);
    inbound.handle(params); // Twilio's retry of the same webhook.

    assertThat(first.hasText()).isFalse();
    assertThat(optOuts.isOptedOut(OURS, "+14155550104")).isFalse();
    MessageRecord stored = messages.findById("SM5").orElseThrow();
    assertThat(stored.direction()).isEqualTo("inbound");
    assertThat(stored.body()).isEqualTo("please stop by at noon");
    assertThat(stored.channel()).isEqualTo("sms");
  }

  @Test
  void whatsappStopOptsTheNumberOutOnEveryChannel() {
    Map<String, String> params =
        Map.of(
            "MessageSid", "SM6",
            "From", "whatsapp:+14155550105",
            "To", "whatsapp:" + OURS,
            "Body", "STOP",
            "NumMedia", "0");

    inbound.handle(params);

    assertThat(optOuts.isOptedOut(OURS, "+14155550105")).isTrue();
    assertThat(messages.findById("SM6").orElseThrow().channel()).isEqualTo("whatsapp");
  }

  @Test
  void mmsMediaIsRecordedPendingOnceForTheWorkflowToFetch() {
    Map<String, String> params =
        Map.of(
            "MessageSid", "MM7",
            "From", "+14155550106",
            "To", OURS,
            "Body", "",
            "NumMedia", "2",
            "MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM7/Media/ME0",
            "MediaContentType0", "image/png",
            "MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM7/Media/ME1",
            "MediaContentType1", "video/mp4");

    inbound.handle(params);
    inbound.handle(params);

    assertThat(messages.findById("MM7").orElseThrow().channel()).isEqualTo("mms");
    assertThat(media.ofMessage("MM7"))
        .extracting(MessageMediaRow::index, MessageMediaRow::contentType, MessageMediaRow::state)
        .containsExactly(tuple(0, "image/png", "pending"), tuple(1, "video/mp4", "pending"));
  }

  @Test
  void replayedStopAfterAStartDoesNotOptTheSenderOutAgain() {
    Map<String, String> stop = sms("SM8", "+14155550107", "STOP");
    inbound.handle(stop);
    inbound.handle(sms("SM9", "+14155550107", "START"));

    InboundReply replayed = inbound.handle(stop); // An operator replays the old webhook.

    assertThat(replayed.text()).isEqualTo(InboundMessages.STOPPED);
    assertThat(optOuts.isOptedOut(OURS, "+14155550107")).isFalse();
  }

  private static Map<String, String> sms(String sid, String from, String body) {
    return Map.of(
        "MessageSid", sid,
        "AccountSid", "AC1",
        "From", from,
        "To", OURS,
        "Body", body,
        "NumMedia", "0");
  }

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    POSTGRES.close();
  }
}
