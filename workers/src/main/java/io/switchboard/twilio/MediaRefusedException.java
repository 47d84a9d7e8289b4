package io.switchboard.twilio;

/**
 * A media URL, or a redirect from it, that is not on Twilio's media hosts: nothing was or will be
 * fetched from it. The message says why, without the URL's query (it is checked to have none).
 */
public class MediaRefusedException extends RuntimeException {

  MediaRefusedException(String message) {
    super(message);
  }
}
