package io.switchboard.simulator.rest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns refusals into Twilio's error JSON, for the Twilio REST resources only. */
@RestControllerAdvice(annotations = TwilioResource.class)
class TwilioErrorAdvice {

  private static final Logger log = LoggerFactory.getLogger(TwilioErrorAdvice.class);

  /** A simulator bug still answers in Twilio's shape, so that clients report it as Twilio would. */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<String> failed(RuntimeException e) {
    log.error("simulated Twilio request failed", e);
    return TwilioJson.respond(
        HttpStatus.INTERNAL_SERVER_ERROR, TwilioErrors.body(500, 20500, "Internal Server Error"));
  }

  @ExceptionHandler(TwilioApiException.class)
  ResponseEntity<String> refused(TwilioApiException e) {
    return TwilioJson.respond(
        HttpStatus.valueOf(e.httpStatus()),
        TwilioErrors.body(e.httpStatus(), e.code(), e.getMessage()));
  }
}
