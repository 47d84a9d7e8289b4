package io.switchboard.simulator.recordings;

import io.switchboard.simulator.rest.TwilioDates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A recording in Twilio's two JSON shapes: under a call ({@code
 * api.v2010.account.call.call_recording}) and on its own ({@code api.v2010.account.recording}).
 */
final class RecordingJson {

  private RecordingJson() {}

  static Map<String, Object> underCall(SimRecording r, String accountSid) {
    Map<String, Object> json = common(r, accountSid);
    json.put("price", null);
    json.put("price_unit", "USD");
    json.put(
        "uri",
        "/2010-04-01/Accounts/"
            + accountSid
            + "/Calls/"
            + r.callSid
            + "/Recordings/"
            + r.sid
            + ".json");
    json.put("track", r.track);
    return json;
  }

  static Map<String, Object> standalone(SimRecording r, String accountSid) {
    String base = "/2010-04-01/Accounts/" + accountSid + "/Recordings/" + r.sid;
    Map<String, Object> json = common(r, accountSid);
    json.put("price", null);
    json.put("price_unit", "USD");
    json.put("uri", base + ".json");
    json.put(
        "subresource_uris",
        Map.of(
            "add_on_results", base + "/AddOnResults.json",
            "transcriptions", base + "/Transcriptions.json"));
    json.put("media_url", "https://api.twilio.com" + base);
    return json;
  }

  private static Map<String, Object> common(SimRecording r, String accountSid) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("account_sid", accountSid);
    json.put("api_version", "2010-04-01");
    json.put("call_sid", r.callSid);
    json.put("conference_sid", null);
    json.put("channels", r.channels);
    json.put("date_created", TwilioDates.rfc2822(r.dateCreated));
    json.put("date_updated", TwilioDates.rfc2822(r.dateUpdated()));
    json.put("start_time", TwilioDates.rfc2822(r.startTime));
    json.put("duration", String.valueOf(r.duration()));
    json.put("sid", r.sid);
    json.put("source", r.source);
    json.put("status", r.status());
    json.put("error_code", null);
    json.put("encryption_details", null);
    return json;
  }
}
