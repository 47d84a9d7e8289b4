package io.switchboard.messaging;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Reads a bulk send's recipients from PostgreSQL, a page at a time, as messages to deliver. */
@ActivityInterface
public interface BulkActivities {

  /**
   * The messages for recipients {@code fromSeq} onwards, at most {@code limit}, in sequence order,
   * each with the template rendered for its recipient; empty past the last.
   */
  @ActivityMethod
  List<MessageRequest> loadRecipients(RecipientPage page);

  /**
   * @param bulkId the bulk send
   * @param fromSeq the first recipient's sequence number
   * @param limit at most this many
   */
  record RecipientPage(String bulkId, int fromSeq, int limit) {}
}
