package io.switchboard.recording;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Recording;
import com.twilio.rest.api.v2010.account.Transcription;
import io.switchboard.twilio.TwilioFailures;
import org.springframework.stereotype.Component;

/** Recordings and Transcriptions through twilio-java; every failure leaves as a typed failure. */
@Component
class TwilioRecordings {

  private final TwilioRestClient client;

  TwilioRecordings(TwilioRestClient client) {
    this.client = client;
  }

  /** Deletes Twilio's copy; one already gone (404) is what was asked for. */
  void delete(String recordingSid) {
    try {
      Recording.deleter(recordingSid).delete(client);
    } catch (ApiException e) {
      if (e.getStatusCode() == null || e.getStatusCode() != 404) {
        throw TwilioFailures.of(e);
      }
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
  }

  String transcriptionText(String transcriptionSid) {
    try {
      String text = Transcription.fetcher(transcriptionSid).fetch(client).getTranscriptionText();
      return text == null ? "" : text;
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
  }
}
