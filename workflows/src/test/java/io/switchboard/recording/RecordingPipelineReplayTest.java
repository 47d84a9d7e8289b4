package io.switchboard.recording;

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
 * Replays recorded recording-pipeline histories against today's workflow code: a change that would
 * break pipelines already running (some wait days for their retention timer) fails here.
 */
class RecordingPipelineReplayTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories/recording");

  @Test
  void recordedPipelinesReplayWithoutNonDeterminism() throws Exception {
    List<Path> files = histories();
    assertThat(files).as("recorded histories in " + HISTORIES).hasSizeGreaterThanOrEqualTo(3);
    for (Path file : files) {
      WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(file));
      WorkflowReplayer.replayWorkflowExecution(history, RecordingPipelineWorkflowImpl.class);
    }
  }

  private static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }
}
