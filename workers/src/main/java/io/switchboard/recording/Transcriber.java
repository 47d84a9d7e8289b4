package io.switchboard.recording;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A transcriber of our own, for when Twilio's transcription does not come in time and {@code
 * switchboard.recordings.fallback=transcriber}. Declare one as a bean (a speech-to-text service, a
 * local model); without one the recording is marked untranscribed. It receives decrypted audio:
 * whatever it sends elsewhere leaves our encryption, so choose it accordingly.
 */
public interface Transcriber {

  /**
   * @param audio the recording's plaintext, streamed
   * @param contentType its media type ({@code audio/wav})
   * @return the text, or empty when nothing could be made of it
   */
  Optional<String> transcribe(InputStream audio, String contentType) throws IOException;
}
