package io.switchboard.messaging;

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
 * Replays recorded bulk-send histories against today's workflow code. Histories are made
 * deliberately by {@link BulkSendHistoryRecorder}, never regenerated silently.
 */
class BulkSendReplayTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories/bulk");

  @Test
  void recordedBulkSendsReplayWithoutNonDeterminism() throws Exception {
    List<Path> files = histories();
    assertThat(files).as("recorded histories in " + HISTORIES).isNotEmpty();
    for (Path file : files) {
      WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(file));
      WorkflowReplayer.replayWorkflowExecution(history, BulkSendWorkflowImpl.class);
    }
  }

  private static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }
}
