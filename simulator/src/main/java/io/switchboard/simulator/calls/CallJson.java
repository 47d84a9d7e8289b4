package io.switchboard.simulator.calls;

import io.switchboard.simulator.rest.TwilioDates;
import java.util.LinkedHashMap;
import java.util.Map;

/** A call in Twilio's JSON shape ({@code api.v2010.account.call}). */
final class CallJson {

  private CallJson() {}

  static Map<String, Object> of(SimCall call, String accountSid) {
    String uri = "/2010-04-01/Accounts/" + accountSid + "/Calls/" + call.sid;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("account_sid", accountSid);
    json.put("answered_by", call.answeredBy());
    json.put("api_version", "2010-04-01");
    json.put("caller_name", null);
    json.put("date_created", TwilioDates.rfc2822(call.dateCreated));
    json.put("date_updated", TwilioDates.rfc2822(call.dateUpdated()));
    json.put("direction", "outbound-api");
    Integer duration = call.duration();
    json.put("duration", duration == null ? null : String.valueOf(duration));
    json.put("end_time", TwilioDates.rfc2822(call.endTime()));
    json.put("forwarded_from", null);
    json.put("from", call.from);
    json.put("from_formatted", call.from);
    json.put("group_sid", null);
    json.put("parent_call_sid", null);
    json.put("phone_number_sid", null);
    json.put("price", null);
    json.put("price_unit", "USD");
    json.put("queue_time", "0");
    json.put("sid", call.sid);
    json.put("start_time", TwilioDates.rfc2822(call.startTime()));
    json.put("status", call.status());
    json.put("subresource_uris", subresources(uri));
    json.put("to", call.to);
    json.put("to_formatted", call.to);
    json.put("trunk_sid", null);
    json.put("uri", uri + ".json");
    return json;
  }

  private static Map<String, String> subresources(String uri) {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("notifications", uri + "/Notifications.json");
    links.put("recordings", uri + "/Recordings.json");
    links.put("payments", uri + "/Payments.json");
    links.put("events", uri + "/Events.json");
    links.put("siprec", uri + "/Siprec.json");
    links.put("streams", uri + "/Streams.json");
    links.put("transcriptions", uri + "/Transcriptions.json");
    links.put("user_defined_message_subscriptions", uri + "/UserDefinedMessageSubscriptions.json");
    links.put("user_defined_messages", uri + "/UserDefinedMessages.json");
    return links;
  }
}
