package io.switchboard.simulator.voice;

/**
 * What running TwiML changes outside the call itself. The Calls and Recordings resources implement
 * it; {@link #NONE} serves where nothing outside the call needs to change.
 */
public interface CallEffects {

  /**
   * A {@code <Record>} finished: create a completed recording resource for the call (and fire its
   * RecordingStatusCallback, when given) and return it.
   *
   * @param callSid the call
   * @param durationSeconds how long the caller spoke
   * @param recordingStatusCallback the verb's recordingStatusCallback URL, else null
   * @param recordingStatusCallbackMethod its method, else null
   * @return the recording, with the URL the application is told (RecordingUrl)
   */
  RecordingRef recordingCompleted(
      String callSid,
      int durationSeconds,
      String recordingStatusCallback,
      String recordingStatusCallbackMethod);

  /** The call reached its end with this status after this many seconds. */
  void callEnded(String callSid, String status, int durationSeconds);

  /** A recording made by a {@code <Record>}: its SID and its URL without extension. */
  record RecordingRef(String recordingSid, String recordingUrl) {}

  /** Effects that change nothing: recordings get made-up SIDs and URLs. */
  CallEffects NONE =
      new CallEffects() {
        @Override
        public RecordingRef recordingCompleted(
            String callSid, int durationSeconds, String callback, String method) {
          String sid = "RE" + java.util.UUID.randomUUID().toString().replace("-", "");
          return new RecordingRef(sid, "https://api.twilio.com/2010-04-01/Recordings/" + sid);
        }

        @Override
        public void callEnded(String callSid, String status, int durationSeconds) {}
      };
}
