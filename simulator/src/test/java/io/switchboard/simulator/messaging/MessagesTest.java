package io.switchboard.simulator.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.switchboard.simulator.testsupport.SimulatorTest;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest extends SimulatorTest {

  @Test
  void createsAQueuedMessageThatCanBeFetched() {
    Message created =
        Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "Hello")
            .create(twilio);

    Message fetched = Message.fetcher(created.getSid()).fetch(twilio);

    assertThat(created.getSid()).startsWith("SM").hasSize(34);
    assertThat(created.getStatus()).isEqualTo(Message.Status.QUEUED);
    assertThat(created.getDirection()).isEqualTo(Message.Direction.OUTBOUND_API);
    assertThat(created.getAccountSid()).isEqualTo(ACCOUNT_SID);
    assertThat(created.getDateCreated()).isNotNull();
    assertThat(fetched.getBody()).isEqualTo("Hello");
    assertThat(fetched.getTo()).isEqualTo(HANDSET);
    assertThat(fetched.getFrom().toString()).isEqualTo(VALID_FROM);
  }

  @Test
  void mediaMakesAnMmsWithTheMmPrefix() {
    Message created =
        Message.creator(
                new PhoneNumber(HANDSET),
                new PhoneNumber(VALID_FROM),
                List.of(URI.create("https://example.com/cat.jpg")))
            .create(twilio);

    assertThat(created.getSid()).startsWith("MM");
    assertThat(created.getNumMedia()).isEqualTo("1");
  }

  @Test
  void listsMessagesNewestFirstAcrossPages() {
    List<String> sids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sids.add(
          Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "n" + i)
              .create(twilio)
              .getSid());
    }

    ResourceSet<Message> listed = Message.reader().pageSize(2).read(twilio);
    List<String> seen = new ArrayList<>();
    listed.forEach(m -> seen.add(m.getSid()));

    java.util.Collections.reverse(sids);
    assertThat(seen).containsExactlyElementsOf(sids);
  }

  @Test
  void listFiltersByTo() {
    Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "a").create(twilio);
    Message.creator(new PhoneNumber("+14155550199"), new PhoneNumber(VALID_FROM), "b")
        .create(twilio);

    List<Message> listed = new ArrayList<>();
    Message.reader().setTo(new PhoneNumber(HANDSET)).read(twilio).forEach(listed::add);

    assertThat(listed).extracting(Message::getBody).containsExactly("a");
  }

  @Test
  void unknownSidIsNotFoundWithCode20404() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () -> Message.fetcher("SM0123456789abcdef0123456789abcdef").fetch(twilio));

    assertThat(refused.getCode()).isEqualTo(20404);
    assertThat(refused.getStatusCode()).isEqualTo(404);
  }

  @Test
  void cancelsAScheduledMessage() {
    Message scheduled =
        Message.creator(new PhoneNumber(HANDSET), "MG0123456789abcdef0123456789abcdef", "Later")
            .setScheduleType(Message.ScheduleType.FIXED)
            .setSendAt(ZonedDateTime.now().plusHours(1))
            .create(twilio);

    Message canceled =
        Message.updater(scheduled.getSid()).setStatus(Message.UpdateStatus.CANCELED).update(twilio);

    assertThat(scheduled.getStatus()).isEqualTo(Message.Status.SCHEDULED);
    assertThat(canceled.getStatus()).isEqualTo(Message.Status.CANCELED);
  }

  @Test
  void refusesToScheduleWithoutAMessagingService() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "Later")
                    .setScheduleType(Message.ScheduleType.FIXED)
                    .setSendAt(ZonedDateTime.now().plusHours(1))
                    .create(twilio));

    assertThat(refused.getCode()).isEqualTo(35118);
  }

  @Test
  void refusesToCancelAMessageThatIsNotScheduled() {
    Message sent =
        Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "Now")
            .create(twilio);

    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.updater(sent.getSid())
                    .setStatus(Message.UpdateStatus.CANCELED)
                    .update(twilio));

    assertThat(refused.getCode()).isEqualTo(30409);
  }

  @Test
  void refusesAMessageWithoutBodyOrMedia() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "")
                    .create(twilio));

    assertThat(refused.getCode()).isEqualTo(21602);
  }

  @Test
  void refusesAnInvalidToNumberWith21211() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.creator(new PhoneNumber("555-0100"), new PhoneNumber(VALID_FROM), "x")
                    .create(twilio));

    assertThat(refused.getCode()).isEqualTo(21211);
  }

  @Test
  void refusesASendAtLessThanFiveMinutesAheadWith35114() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.creator(
                        new PhoneNumber(HANDSET), "MG0123456789abcdef0123456789abcdef", "soon")
                    .setScheduleType(Message.ScheduleType.FIXED)
                    .setSendAt(ZonedDateTime.now().plusMinutes(2))
                    .create(twilio));

    assertThat(refused.getCode()).isEqualTo(35114);
  }

  @Test
  void refusesAFixedScheduleWithoutSendAtWith35111() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.creator(
                        new PhoneNumber(HANDSET), "MG0123456789abcdef0123456789abcdef", "when?")
                    .setScheduleType(Message.ScheduleType.FIXED)
                    .create(twilio));

    assertThat(refused.getCode()).isEqualTo(35111);
  }

  @Test
  void redactsTheBodyOfADeliveredMessage() {
    Message message =
        Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "secret")
            .create(twilio);
    while (Message.fetcher(message.getSid()).fetch(twilio).getStatus()
        != Message.Status.DELIVERED) {
      sleep(10);
    }

    Message redacted = Message.updater(message.getSid()).setBody("").update(twilio);

    assertThat(redacted.getBody()).isEmpty();
    assertThat(Message.fetcher(message.getSid()).fetch(twilio).getBody()).isEmpty();
  }
}
