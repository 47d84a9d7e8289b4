package io.switchboard.api.recording;

import io.switchboard.recording.RecordingPipelineWorkflow;
import io.switchboard.recording.RecordingRepository;
import io.switchboard.recording.RecordingRow;
import io.switchboard.recording.RecordingWorkflowIds;
import io.switchboard.recording.media.MediaCipher;
import io.switchboard.recording.media.MediaIntegrityException;
import io.switchboard.recording.media.RecordingStore;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Reads and erases stored recordings for the API; the workers write them. */
@Component
public class RecordingMedia {

  private final RecordingStore store;
  private final MediaCipher cipher;
  private final RecordingRepository recordings;
  private final WorkflowClient workflows;
  private final Clock clock;

  public RecordingMedia(
      RecordingStore store,
      MediaCipher cipher,
      RecordingRepository recordings,
      WorkflowClient workflows,
      Clock clock) {
    this.store = store;
    this.cipher = cipher;
    this.recordings = recordings;
    this.workflows = workflows;
    this.clock = clock;
  }

  /** Authenticates the whole stored file and checks it against the digest taken at download. */
  void verify(RecordingRow row) {
    try (InputStream in = store.open(row.storageRef())) {
      MediaCipher.Sealed sealed = cipher.verify(in, row.id());
      if (!sealed.sha256().equals(row.sha256())) {
        throw new MediaIntegrityException("its digest differs from the one taken at download");
      }
    } catch (MediaIntegrityException e) {
      throw new RecordingMediaException(
          "Recording "
              + row.id()
              + " failed authentication ("
              + e.getMessage()
              + ");"
              + " nothing of it was served.");
    } catch (IOException e) {
      throw new UncheckedIOException("recording " + row.id() + " could not be read", e);
    }
  }

  void stream(RecordingRow row, OutputStream out) throws IOException {
    try (InputStream sealed = store.open(row.storageRef());
        InputStream plain = cipher.decrypt(sealed, row.id())) {
      plain.transferTo(out);
    }
  }

  /**
   * Erases our copy and its transcripts, then asks the pipeline to delete Twilio's copy now. A
   * pipeline that has finished already deleted it after the retention delay.
   */
  void erase(RecordingRow row) {
    try {
      if (row.storageRef() != null) {
        store.delete(row.storageRef());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("recording " + row.id() + " could not be erased", e);
    }
    recordings.erase(row.id(), clock.instant());
    try {
      workflows
          .newWorkflowStub(
              RecordingPipelineWorkflow.class, RecordingWorkflowIds.recording(row.id()))
          .erasureRequested();
    } catch (WorkflowNotFoundException e) {
      // Finished: Twilio's copy went at the end of the retention delay.
    }
  }
}
