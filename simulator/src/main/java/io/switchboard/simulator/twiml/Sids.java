package io.switchboard.simulator.twiml;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Twilio-shaped SIDs: a two-letter prefix and 32 hex digits. */
public final class Sids {

  private Sids() {}

  public static String random(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }

  /** The same name always gets the same SID, as a queue keeps its SID across calls. */
  static String named(String prefix, String name) {
    return prefix
        + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
  }
}
