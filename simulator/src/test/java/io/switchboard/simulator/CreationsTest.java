package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import io.switchboard.simulator.testsupport.SimulatorTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The benchmark reads creation times below a second; Twilio's own dates have whole seconds. */
class CreationsTest extends SimulatorTest {

  private static final String OTHER_FROM = "+14155550111";
  private static final Pattern CREATED_AT = Pattern.compile("\"createdAt\":\"([^\"]+)\"");

  private String created(String resource, String from, Instant since) throws Exception {
    StringBuilder query = new StringBuilder("?from=" + encode(from));
    if (since != null) {
      query.append("&since=").append(encode(since.toString()));
    }
    return send("GET", "/simulator/api/" + resource + "/created" + query, null).body();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<Instant> times(String body) {
    Matcher matcher = CREATED_AT.matcher(body);
    return matcher.results().map(m -> Instant.parse(m.group(1))).toList();
  }

  @Test
  void listsMessagesOfOneSenderOldestFirstWithSubSecondTimes() throws Exception {
    Message first =
        Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "one")
            .create(twilio);
    sleep(5);
    Message second =
        Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "two")
            .create(twilio);
    Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(OTHER_FROM), "other").create(twilio);

    String body = created("messages", VALID_FROM, null);

    assertThat(body).doesNotContain(OTHER_FROM);
    assertThat(body.indexOf(first.getSid())).isLessThan(body.indexOf(second.getSid()));
    List<Instant> times = times(body);
    assertThat(times).hasSize(2);
    assertThat(times.get(1)).isAfter(times.get(0));
    // Both in the same second would be indistinguishable in Twilio's date_created.
    assertThat(java.time.Duration.between(times.get(0), times.get(1)).toMillis()).isLessThan(1000);
  }

  @Test
  void leavesOutMessagesCreatedBeforeSince() throws Exception {
    Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "old").create(twilio);
    sleep(5);
    Instant since = Instant.now();
    Message recent =
        Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "new")
            .create(twilio);

    String body = created("messages", VALID_FROM, since);

    assertThat(times(body)).hasSize(1);
    assertThat(body).contains(recent.getSid());
  }

  @Test
  void listsCallsOfOneCallerIdWithTheirCreationTimes() throws Exception {
    Instant before = Instant.now();
    Call call =
        Call.creator(
                new PhoneNumber(HANDSET),
                new PhoneNumber(VALID_FROM),
                new Twiml("<Response><Hangup/></Response>"))
            .create(twilio);

    String body = created("calls", VALID_FROM, null);

    assertThat(body).contains(call.getSid(), HANDSET);
    assertThat(times(body)).singleElement().satisfies(t -> assertThat(t).isAfterOrEqualTo(before));
    assertThat(created("calls", OTHER_FROM, null)).isEqualTo("[]");
  }
}
