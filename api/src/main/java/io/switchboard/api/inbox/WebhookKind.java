package io.switchboard.api.inbox;

/** The webhooks Switchboard receives, and how each is answered. */
public enum WebhookKind {
  /** A call reached one of our numbers: TwiML from the call's session. */
  VOICE(false),
  /** A later turn of a call (gather, dial, record, queue actions): TwiML from the session. */
  VOICE_ACTION(false),
  /** Twilio could not use our TwiML: fallback TwiML. */
  VOICE_FALLBACK(false),
  /** A call or message status callback. */
  STATUS(true),
  /** An inbound SMS, MMS or WhatsApp message. */
  SMS(true),
  /** A recording status callback. */
  RECORDING(true),
  /** A transcription callback. */
  TRANSCRIPTION(true),
  /** A Twilio Video room status callback: recorded in the api, no workflow. */
  VIDEO(true);

  private final boolean asynchronous;

  WebhookKind(boolean asynchronous) {
    this.asynchronous = asynchronous;
  }

  /**
   * Whether the webhook is acknowledged as soon as it is durable and handed to its workflow
   * afterwards (and can be replayed), rather than answered synchronously with TwiML.
   */
  public boolean asynchronous() {
    return asynchronous;
  }
}
