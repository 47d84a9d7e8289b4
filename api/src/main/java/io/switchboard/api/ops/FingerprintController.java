package io.switchboard.api.ops;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A number's fingerprint for the Temporal UI's search box, where ops cannot type the number itself:
 * workflows publish only the keyed fingerprint, and only we hold the key.
 */
@RestController
@RequestMapping("/api/ops/fingerprint")
class FingerprintController {

  private final ParticipantNumbers numbers;

  FingerprintController(ParticipantNumbers numbers) {
    this.numbers = numbers;
  }

  @Operation(
      summary = "The ParticipantNumber fingerprint of a phone number (scope ops)",
      description =
          "Paste the query into the Temporal UI's search box, or into temporal workflow list"
              + " --query, to list the workflows of a number. The number is E.164 (+ as %2B).")
  @GetMapping
  Fingerprint fingerprint(@RequestParam String number) {
    String fingerprint = numbers.fingerprint(number);
    return new Fingerprint(fingerprint, "ParticipantNumber = '" + fingerprint + "'");
  }

  /**
   * @param participantNumber the search attribute's value for the number
   * @param query a visibility query that finds the number's workflows
   */
  record Fingerprint(String participantNumber, String query) {}
}
