package io.switchboard.common;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * The custom search attributes of every Switchboard workflow, typed, in one place. Ops find a
 * workflow in the Temporal UI or the ops API by the Twilio SID they see in the Twilio console, and
 * list workflows by channel and status. The embedded platform and the docker-compose init step
 * register exactly this list.
 *
 * <p>Search attributes are stored in Temporal's visibility store in plain text, outside payload
 * encryption. So {@link #PARTICIPANT_NUMBER} never holds a phone number: it holds a keyed
 * fingerprint of it (see the runbook), which finds a number's workflows without disclosing it.
 */
public final class SwitchboardSearchAttributes {

  public static final SearchAttributeKey<String> CALL_SID =
      SearchAttributeKey.forKeyword("CallSid");
  public static final SearchAttributeKey<String> MESSAGE_SID =
      SearchAttributeKey.forKeyword("MessageSid");
  public static final SearchAttributeKey<String> RECORDING_SID =
      SearchAttributeKey.forKeyword("RecordingSid");

  /** {@code voice}, {@code sms}, {@code mms}, {@code whatsapp}, {@code video}. */
  public static final SearchAttributeKey<String> CHANNEL = SearchAttributeKey.forKeyword("Channel");

  /**
   * Twilio's status of the call, message or room, as last seen by the workflow; a bulk send's
   * state.
   */
  public static final SearchAttributeKey<String> COMM_STATUS =
      SearchAttributeKey.forKeyword("CommStatus");

  public static final SearchAttributeKey<String> FLOW_NAME =
      SearchAttributeKey.forKeyword("FlowName");

  /** A keyed fingerprint of the other party's number, never the number itself. */
  public static final SearchAttributeKey<String> PARTICIPANT_NUMBER =
      SearchAttributeKey.forKeyword("ParticipantNumber");

  public static final List<SearchAttributeKey<?>> ALL =
      List.of(
          CALL_SID,
          MESSAGE_SID,
          RECORDING_SID,
          CHANNEL,
          COMM_STATUS,
          FLOW_NAME,
          PARTICIPANT_NUMBER);

  private SwitchboardSearchAttributes() {}
}
