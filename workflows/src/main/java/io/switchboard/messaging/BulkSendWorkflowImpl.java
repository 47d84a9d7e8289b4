package io.switchboard.messaging;

import static io.switchboard.common.SwitchboardSearchAttributes.CHANNEL;
import static io.switchboard.common.SwitchboardSearchAttributes.COMM_STATUS;

import io.switchboard.messaging.BulkActivities.RecipientPage;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Delivers a bulk send as child message deliveries in a sliding window. The window bounds how many
 * are in flight; the rate is the sender's, enforced by the shared gate each child waits at. Each
 * run starts at most {@code perRun} messages, waits for them to end, and continues as new with the
 * counts, so that its history stays small whatever the number of recipients.
 */
public class BulkSendWorkflowImpl implements BulkSendWorkflow {

  /**
   * Bulk sends from before search attributes replay without the upserts they never made; from this
   * version on, the bulk's state ({@code running}, {@code paused}, {@code cancelling}, {@code
   * completed}, {@code cancelled}) is published as CommStatus, and its messages' channel.
   */
  static final String SEARCH_ATTRIBUTES_CHANGE = "search-attributes";

  private static final Logger log = Workflow.getLogger(BulkSendWorkflowImpl.class);

  /** Pages are plain reads, safe to repeat until PostgreSQL answers. */
  private final BulkActivities activities =
      Workflow.newActivityStub(
          BulkActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  private final BulkSendInput input;

  /** Children started and not yet ended, by workflow id, in start order. */
  private final Map<String, Promise<MessageState>> inFlight = new LinkedHashMap<>();

  private BulkProgress progress;
  private boolean paused;
  private boolean cancelled;
  private String publishedChannel;

  @WorkflowInit
  public BulkSendWorkflowImpl(BulkSendInput input) {
    this.input = input;
    this.progress = input.progress();
    this.paused = input.paused();
    this.cancelled = input.cancelled();
  }

  @Override
  public BulkProgress send(BulkSendInput ignored) {
    publishState();
    int startedThisRun = 0;
    List<MessageRequest> page = List.of();
    int next = 0;
    while (!cancelled && progress.started() < progress.total() && startedThisRun < input.perRun()) {
      Workflow.await(() -> cancelled || (!paused && inFlight.size() < input.window()));
      if (cancelled) {
        break;
      }
      if (next >= page.size()) {
        int limit = Math.min(input.pageSize(), input.perRun() - startedThisRun);
        page =
            activities.loadRecipients(new RecipientPage(input.bulkId(), progress.started(), limit));
        next = 0;
        if (page.isEmpty()) {
          log.warn("bulk {} has fewer recipients than its total", input.bulkId());
          break;
        }
      }
      startChild(page.get(next++));
      startedThisRun++;
    }
    Workflow.await(inFlight::isEmpty);
    Workflow.await(Workflow::isEveryHandlerFinished);
    if (!cancelled && progress.started() < progress.total() && startedThisRun > 0) {
      Workflow.continueAsNew(
          new BulkSendInput(
              input.bulkId(),
              input.window(),
              input.pageSize(),
              input.perRun(),
              progress,
              paused,
              false));
    }
    progress = progress.withState(cancelled ? "cancelled" : "completed");
    publishState();
    return progress;
  }

  private void startChild(MessageRequest message) {
    publishChannel(message.channel());
    String workflowId = MessageWorkflowIds.message(message.id());
    MessageDeliveryWorkflow child =
        Workflow.newChildWorkflowStub(
            MessageDeliveryWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                // A message started is the recipient's: it goes on if the bulk send is terminated.
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .build());
    Promise<MessageState> result = Async.function(child::deliver, message);
    inFlight.put(workflowId, result);
    progress = progress.startedOne();
    result.handle(
        (state, failure) -> {
          inFlight.remove(workflowId);
          progress = progress.ended(failure == null ? state.status() : "failed");
          return null;
        });
  }

  @Override
  public void pause() {
    paused = true;
    publishState();
  }

  @Override
  public void resume() {
    paused = false;
    publishState();
  }

  @Override
  public void cancel() {
    if (cancelled) {
      return;
    }
    cancelled = true;
    publishState();
    // Those not sent yet end cancelled; those sent are followed to their end.
    // A child that ended meanwhile cannot be signalled; that failure is of no consequence.
    for (String workflowId : new ArrayList<>(inFlight.keySet())) {
      MessageDeliveryWorkflow child =
          Workflow.newExternalWorkflowStub(MessageDeliveryWorkflow.class, workflowId);
      Async.procedure(child::cancel).exceptionally(failure -> null);
    }
  }

  /**
   * Lets ops list bulk sends by state in the Temporal UI ({@code WorkflowType = 'BulkSendWorkflow'
   * AND CommStatus = 'paused'}); each message is a child, found by {@code ParentWorkflowId}.
   */
  private void publishState() {
    if (Workflow.getVersion(SEARCH_ATTRIBUTES_CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    Workflow.upsertTypedSearchAttributes(COMM_STATUS.valueSet(getProgress().state()));
  }

  private void publishChannel(String channel) {
    if (channel == null
        || channel.equals(publishedChannel)
        || Workflow.getVersion(SEARCH_ATTRIBUTES_CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    publishedChannel = channel;
    Workflow.upsertTypedSearchAttributes(CHANNEL.valueSet(channel));
  }

  @Override
  public BulkProgress getProgress() {
    String state = progress.state();
    if ("running".equals(state)) {
      state = cancelled ? "cancelling" : paused ? "paused" : "running";
    }
    return progress.withState(state);
  }
}
