package io.switchboard.simulator.messaging;

import io.switchboard.simulator.rest.TwilioDates;
import java.util.LinkedHashMap;
import java.util.Map;

/** A message in Twilio's JSON shape ({@code api.v2010.account.message}). */
final class MessageJson {

  private MessageJson() {}

  static Map<String, Object> of(SimMessage m, String accountSid) {
    String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + m.sid;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("account_sid", accountSid);
    json.put("api_version", "2010-04-01");
    json.put("body", m.body() == null ? "" : m.body());
    json.put("date_created", TwilioDates.rfc2822(m.dateCreated));
    json.put("date_sent", TwilioDates.rfc2822(m.dateSent()));
    json.put("date_updated", TwilioDates.rfc2822(m.dateUpdated()));
    json.put("direction", "outbound-api");
    json.put("error_code", m.errorCode());
    json.put("error_message", m.errorMessage());
    json.put("from", m.from);
    json.put("messaging_service_sid", m.messagingServiceSid);
    json.put("num_media", String.valueOf(m.mediaUrls.size()));
    json.put("num_segments", String.valueOf(segments(m.body())));
    json.put("price", null);
    json.put("price_unit", "USD");
    json.put("sid", m.sid);
    json.put("status", m.status());
    json.put(
        "subresource_uris",
        Map.of("media", uri + "/Media.json", "feedback", uri + "/Feedback.json"));
    json.put("to", m.to);
    json.put("uri", uri + ".json");
    return json;
  }

  /** GSM-7 bodies split at 153 characters once they exceed 160; good enough for a simulation. */
  private static int segments(String body) {
    int length = body == null ? 0 : body.length();
    return length <= 160 ? 1 : (length + 152) / 153;
  }
}
