package io.switchboard.api.recording;

import io.switchboard.recording.RecordingPipelineWorkflow;
import io.switchboard.recording.RecordingRepository;
import io.switchboard.recording.RecordingRow;
import io.switchboard.recording.RecordingWorkflowIds;
import io.switchboard.recording.media.MediaIntegrityException;
import io.switchboard.recording.media.SealedMedia;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Reads and erases stored recordings for the API; the workers write them. */
@Component
public class RecordingMedia {

  private final SealedMedia sealed;
  private final RecordingRepository recordings;
  private final WorkflowClient workflows;
  private final Clock clock;

  public RecordingMedia(
      SealedMedia sealed, RecordingRepository recordings, WorkflowClient workflows, Clock clock) {
    this.sealed = sealed;
    this.recordings = recordings;
    this.workflows = workflows;
    this.clock = clock;
  }

  /** Authenticates the whole stored file and checks it against the digest taken at download. */
  void verify(RecordingRow row) {
    try {
      sealed.verify(row.storageRef(), row.id(), row.sha256());
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
    sealed.stream(row.storageRef(), row.id(), out);
  }

  /**
   * Erases our copy and its transcripts, then asks the pipeline to delete Twilio's copy now. A
   * pipeline that has finished already deleted it after the retention delay.
   */
  void erase(RecordingRow row) {
    try {
      if (row.storageRef() != null) {
        sealed.delete(row.storageRef());
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
