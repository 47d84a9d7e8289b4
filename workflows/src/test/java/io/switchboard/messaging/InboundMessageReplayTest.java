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
 * Replays recorded inbound-message histories against today's workflow code: a change that would
 * break messages whose forwarding is still being retried fails here. Histories are made
 * deliberately by {@link InboundMessageHistoryRecorder}, never regenerated silently.
 */
class InboundMessageReplayTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories/inbound-message");

  @Test
  void recordedInboundMessagesReplayWithoutNonDeterminism() throws Exception {
    List<Path> files = histories();
    assertThat(files).as("recorded histories in " + HISTORIES).hasSizeGreaterThanOrEqualTo(3);
    for (Path file : files) {
      WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(file));
      WorkflowReplayer.replayWorkflowExecution(history, InboundMessageWorkflowImpl.class);
    }
  }

  private static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }
}
