package io.switchboard.voice.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.video.VideoRoomWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays recorded call-command and video-room histories, from before and after they published
 * search attributes, against today's workflow code. Histories are made deliberately by {@link
 * CallControlHistoryRecorder}, never regenerated silently.
 */
class CallControlReplayTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories/control");

  @Test
  void recordedCommandsAndRoomsReplayWithoutNonDeterminism() throws Exception {
    List<Path> files = histories();
    assertThat(files).as("recorded histories in " + HISTORIES).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : files) {
      WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(file));
      WorkflowReplayer.replayWorkflowExecution(
          history, CallControlWorkflowImpl.class, VideoRoomWorkflowImpl.class);
    }
  }

  private static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }
}
