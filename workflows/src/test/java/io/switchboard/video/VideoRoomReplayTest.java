package io.switchboard.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays recorded video-room histories against today's workflow code: rooms created before the
 * workflow followed the room's life (v1) must replay as they ran. Histories are made deliberately
 * by {@link VideoRoomHistoryRecorder}, never regenerated silently.
 */
class VideoRoomReplayTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories/video");

  @Test
  void recordedVideoRoomsReplayWithoutNonDeterminism() throws Exception {
    List<Path> files = histories();
    assertThat(files).as("recorded histories in " + HISTORIES).isNotEmpty();
    for (Path file : files) {
      WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(file));
      WorkflowReplayer.replayWorkflowExecution(history, VideoRoomWorkflowImpl.class);
    }
  }

  private static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }
}
