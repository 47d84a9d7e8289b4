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
 * Replays recorded message-delivery histories against today's workflow code: a change that would
 * break deliveries already running fails here. Histories are made deliberately by {@link
 * MessageDeliveryHistoryRecorder}, never regenerated silently.
 */
class MessageDeliveryReplayTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories/messaging");

  @Test
  void recordedDeliveriesReplayWithoutNonDeterminism() throws Exception {
    List<Path> files = histories();
    assertThat(files).as("recorded histories in " + HISTORIES).hasSizeGreaterThanOrEqualTo(5);
    for (Path file : files) {
      WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(file));
      WorkflowReplayer.replayWorkflowExecution(history, MessageDeliveryWorkflowImpl.class);
    }
  }

  private static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }
}
