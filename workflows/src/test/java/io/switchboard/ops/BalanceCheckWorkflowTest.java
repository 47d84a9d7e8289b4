package io.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.common.RecordedHistories;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The balance check: the activity's reading decides "low" against the schedule's threshold. With
 * {@code -Dswitchboard.recordHistories=true} the low case's history is written for {@link
 * BalanceCheckReplayTest}.
 */
class BalanceCheckWorkflowTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories/ops");

  private final BalanceActivities activities =
      mock(BalanceActivities.class, withSettings().withoutAnnotations());
  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker("ops");
    worker.registerWorkflowImplementationTypes(BalanceCheckWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aBalanceUnderTheThresholdIsReportedLow() throws Exception {
    when(activities.fetchBalance(any()))
        .thenReturn(new BalanceReport(new BigDecimal("3.10"), "USD", true));

    BalanceReport report = check(new BigDecimal("20"));

    assertThat(report.low()).isTrue();
    assertThat(report.balance()).isEqualByComparingTo("3.10");
    ArgumentCaptor<BalanceQuery> query = ArgumentCaptor.forClass(BalanceQuery.class);
    verify(activities).fetchBalance(query.capture());
    assertThat(query.getValue().lowBelow()).isEqualByComparingTo("20");
    if (Boolean.getBoolean("switchboard.recordHistories")) {
      Files.createDirectories(HISTORIES);
      RecordedHistories.writeNew(
          HISTORIES.resolve("balance-low-v1.json"),
          client.fetchHistory(OpsWorkflowIds.BALANCE_SCHEDULE).toJson(true));
    }
  }

  @Test
  void aHealthyBalanceIsNotLow() {
    when(activities.fetchBalance(any()))
        .thenReturn(new BalanceReport(new BigDecimal("25.00"), "USD", false));

    assertThat(check(new BigDecimal("20")).low()).isFalse();
  }

  private BalanceReport check(BigDecimal lowBelow) {
    BalanceCheckWorkflow workflow =
        client.newWorkflowStub(
            BalanceCheckWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OpsWorkflowIds.BALANCE_SCHEDULE)
                .setTaskQueue("ops")
                .build());
    return workflow.check(new BalanceCheckInput(lowBelow));
  }
}
