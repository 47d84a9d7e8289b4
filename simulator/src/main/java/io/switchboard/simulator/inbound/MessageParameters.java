package io.switchboard.simulator.inbound;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of Twilio's request to an incoming-message webhook: MessageSid (and its legacy
 * aliases SmsSid, SmsMessageSid), AccountSid, From, To, Body, NumMedia, NumSegments, SmsStatus,
 * ApiVersion, MediaUrl{N} with MediaContentType{N}, and for WhatsApp WaId and ProfileName.
 */
final class MessageParameters {

  private MessageParameters() {}

  /** One medium as the webhook names it. */
  record Media(String url, String contentType) {}

  static Map<String, String> of(
      String messageSid, String accountSid, InboundMessageRequest m, List<Media> media) {
    String body = m.body() == null ? "" : m.body();
    boolean whatsapp = m.from().startsWith("whatsapp:");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("MessageSid", messageSid);
    params.put("SmsSid", messageSid);
    params.put("SmsMessageSid", messageSid);
    params.put("AccountSid", accountSid);
    params.put("From", m.from());
    params.put("To", m.to());
    params.put("Body", body);
    params.put("NumMedia", String.valueOf(media.size()));
    params.put("NumSegments", String.valueOf(whatsapp ? 1 : segments(body)));
    params.put("SmsStatus", "received");
    params.put("ApiVersion", "2010-04-01");
    for (int i = 0; i < media.size(); i++) {
      params.put("MediaContentType" + i, media.get(i).contentType());
      params.put("MediaUrl" + i, media.get(i).url());
    }
    if (whatsapp) {
      params.put("WaId", m.from().substring("whatsapp:+".length()));
      params.put("ProfileName", m.profileName() == null ? "" : m.profileName());
    }
    return params;
  }

  /** SMS segments: 160 GSM-7 characters alone or 153 when concatenated; 70/67 in UCS-2. */
  static int segments(String body) {
    boolean gsm = body.chars().allMatch(c -> c < 128);
    int single = gsm ? 160 : 70;
    int part = gsm ? 153 : 67;
    int length = body.codePointCount(0, body.length());
    return length <= single ? 1 : (length + part - 1) / part;
  }

  static String contentType(String url) {
    String path = url.toLowerCase(Locale.ROOT).replaceFirst("[?#].*$", "");
    if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (path.endsWith(".png") || path.endsWith(".gif")) {
      return "image/" + path.substring(path.lastIndexOf('.') + 1);
    }
    if (path.endsWith(".mp4")) {
      return "video/mp4";
    }
    if (path.endsWith(".mp3")) {
      return "audio/mpeg";
    }
    if (path.endsWith(".ogg")) {
      return "audio/ogg";
    }
    return path.endsWith(".pdf") ? "application/pdf" : "application/octet-stream";
  }
}
