package io.switchboard.api.starts;

import io.switchboard.api.inbox.InboxProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the workflows still owed: those whose first start failed (Temporal down) and those left by
 * an api that stopped between a commit and its start. Oldest first, with backoff, for as long as it
 * takes: an accepted request is never dropped.
 */
@Component
public class StartRelay {

  private static final Logger log = LoggerFactory.getLogger(StartRelay.class);
  private static final int BATCH = 100;
  private static final int MAX_BATCHES_PER_RUN = 50;
  private static final int GIVE_UP_AFTER_FAILURES = 3;

  private final WorkflowStarts starts;
  private final StartDispatcher dispatcher;
  private final InboxProperties properties;

  StartRelay(WorkflowStarts starts, StartDispatcher dispatcher, InboxProperties properties) {
    this.starts = starts;
    this.dispatcher = dispatcher;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "${switchboard.inbox.relay-interval:1s}")
  public void relay() {
    if (dispatcher.busy()) {
      // Under a burst the pool's queue outlasts the hold; its rows are the pool's to start.
      return;
    }
    for (int run = 0; run < MAX_BATCHES_PER_RUN; run++) {
      List<PendingStart> due;
      try {
        due = starts.claimDue(BATCH, properties.lease());
      } catch (RuntimeException e) {
        log.warn("start relay could not read the owed starts: {}", e.toString());
        return;
      }
      int failedInARow = 0;
      for (PendingStart start : due) {
        failedInARow = dispatcher.settle(start) ? 0 : failedInARow + 1;
        if (failedInARow == GIVE_UP_AFTER_FAILURES) {
          // Temporal is not taking starts: the rest keep their lease and come back after it. One
          // failure alone may be the row's own (an input that cannot be read), not Temporal's.
          return;
        }
      }
      if (due.size() < BATCH) {
        return;
      }
    }
  }
}
