package io.switchboard.messaging;

/**
 * Message addresses: Twilio writes a channel before the number ({@code whatsapp:+14155550100});
 * consent is kept per bare number, so that a STOP on one channel stops them all.
 */
public final class Addresses {

  private Addresses() {}

  /** The E.164 number inside an address. */
  public static String number(String address) {
    if (address == null) {
      return null;
    }
    int colon = address.indexOf(':');
    return colon < 0 ? address.trim() : address.substring(colon + 1).trim();
  }
}
