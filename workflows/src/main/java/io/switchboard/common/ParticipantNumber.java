package io.switchboard.common;

import io.temporal.workflow.Workflow;

/**
 * Publishes the other party's number fingerprint as the {@code ParticipantNumber} search attribute,
 * so that ops find a number's workflows. The fingerprint is computed outside workflow code (it
 * needs a secret key) and arrives in the workflow's input; inputs written before it existed have
 * none and publish nothing.
 */
public final class ParticipantNumber {

  /**
   * The change that added the upsert at the start of each workflow, so that histories recorded
   * before it (or by a worker without it, from an input that already had the fingerprint) replay.
   */
  public static final String CHANGE = "participant-number";

  private ParticipantNumber() {}

  /** Call from workflow code, at the start of the run. */
  public static void publish(String fingerprint) {
    if (fingerprint == null || fingerprint.isBlank()) {
      return;
    }
    if (Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    Workflow.upsertTypedSearchAttributes(
        SwitchboardSearchAttributes.PARTICIPANT_NUMBER.valueSet(fingerprint));
  }
}
