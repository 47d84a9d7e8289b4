package io.switchboard.simulator.rest;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Twilio's JSON with a mapper of its own: inside the platform the application's Jackson
 * settings (for example leaving nulls out) must not change the shapes Twilio defines, where null
 * fields are present.
 */
public final class TwilioJson {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private TwilioJson() {}

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static ResponseEntity<String> ok(Map<String, Object> body) {
    return respond(HttpStatus.OK, body);
  }

  public static ResponseEntity<String> created(Map<String, Object> body) {
    return respond(HttpStatus.CREATED, body);
  }

  public static ResponseEntity<String> respond(HttpStatus status, Map<String, Object> body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(write(body));
  }
}
