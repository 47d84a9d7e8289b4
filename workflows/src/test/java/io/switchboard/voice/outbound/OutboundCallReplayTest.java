package io.switchboard.voice.outbound;

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
 * Replays recorded outbound-call histories against today's workflow code: a change that would break
 * calls already running fails here. Histories are made deliberately by {@link
 * OutboundCallHistoryRecorder}, never regenerated silently.
 */
class OutboundCallReplayTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories/outbound");

  @Test
  void recordedOutboundCallsReplayWithoutNonDeterminism() throws Exception {
    List<Path> files = histories();
    assertThat(files).as("recorded histories in " + HISTORIES).hasSizeGreaterThanOrEqualTo(3);
    for (Path file : files) {
      WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(file));
      WorkflowReplayer.replayWorkflowExecution(history, OutboundCallWorkflowImpl.class);
    }
  }

  private static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }
}
