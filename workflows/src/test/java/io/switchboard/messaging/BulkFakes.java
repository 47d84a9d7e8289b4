package io.switchboard.messaging;

import io.temporal.testing.TestWorkflowEnvironment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-ins for the bulk send's activities in workflow tests: recipients generated in memory, and a
 * rate gate with {@code RateGate}'s contract (grants never closer than the cost; a refused caller
 * learns how long until the next grant) on the test server's clock, so that time skipping applies.
 */
final class BulkFakes {

  private BulkFakes() {}

  static final class Recipients implements BulkActivities {
    final int total;

    Recipients(int total) {
      this.total = total;
    }

    @Override
    public List<MessageRequest> loadRecipients(RecipientPage page) {
      List<MessageRequest> messages = new ArrayList<>();
      for (int seq = page.fromSeq(); seq < Math.min(total, page.fromSeq() + page.limit()); seq++) {
        messages.add(
            new MessageRequest(
                page.bulkId() + "~" + seq,
                "sms",
                "+14155550100",
                String.format("+1415555%04d", seq % 10_000),
                "Hello " + seq,
                List.of(),
                null,
                null,
                60,
                null));
      }
      return messages;
    }
  }

  /** Messaging activities whose gate runs at {@code perSecond} and whose sends are delivered. */
  static final class GatedSends implements MessagingActivities {
    final TestWorkflowEnvironment env;
    final long costMillis;
    final Map<String, Long> nextGrant = new ConcurrentHashMap<>();
    final List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());

    GatedSends(TestWorkflowEnvironment env, int perSecond) {
      this.env = env;
      this.costMillis = 1000 / perSecond;
    }

    /** The gate, then the create, in one call, as the real activity does. */
    @Override
    public synchronized SendOutcome sendWithinRate(SendRequest request) {
      long now = env.currentTimeMillis();
      String from = request.request().from();
      long next = nextGrant.getOrDefault(from, 0L);
      if (now < next) {
        return SendOutcome.throttled(next - now);
      }
      nextGrant.put(from, now + costMillis);
      sentAt.add(now); // The grant's instant: the clock moves on (in real time) while we run.
      return SendOutcome.sent(delivered(request));
    }

    @Override
    public MessageStatusEvent send(SendRequest request) {
      throw new UnsupportedOperationException("every send goes through the gate");
    }

    private static MessageStatusEvent delivered(SendRequest request) {
      return new MessageStatusEvent("SM" + request.request().id(), "delivered", null, null, null);
    }

    @Override
    public void recordAccepted(MessageRequest request) {}

    @Override
    public boolean isOptedOut(ConsentQuery query) {
      return false;
    }

    @Override
    public boolean isWhatsAppSessionOpen(ConsentQuery query) {
      return true;
    }

    @Override
    public MessageStatusEvent fetch(FetchRequest request) {
      throw new UnsupportedOperationException("every send is delivered at once");
    }

    @Override
    public void recordStatus(StatusRecord record) {}
  }
}
