package io.switchboard.simulator.rest;

import io.switchboard.simulator.SimulatorProperties;
import org.springframework.stereotype.Component;

/** The one account the simulator plays, and the paths of its resources. */
@Component
public class Accounts {

  private final SimulatorProperties properties;

  public Accounts(SimulatorProperties properties) {
    this.properties = properties;
  }

  public String sid() {
    return properties.accountSid();
  }

  /**
   * Refuses a path naming another account. Basic auth already proved who the caller is; Twilio
   * answers a foreign account in the path as a resource the caller cannot see.
   */
  public void check(String accountSid, String path) {
    if (!sid().equals(accountSid)) {
      throw TwilioApiException.notFound(path);
    }
  }

  /** The account's base path in the 2010-04-01 API, as Twilio writes it in {@code uri} fields. */
  public String base() {
    return "/2010-04-01/Accounts/" + sid();
  }
}
