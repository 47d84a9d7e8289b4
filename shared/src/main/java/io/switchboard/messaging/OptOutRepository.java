package io.switchboard.messaging;

import java.time.Instant;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.query.Param;

/**
 * Consent: a row means the recipient replied an opt-out keyword to the sender. Not a Spring Data
 * aggregate (the key is composite), hence query methods only.
 */
public interface OptOutRepository
    extends org.springframework.data.repository.Repository<MessageRecord, String> {

  @Modifying
  @Query(
      """
      INSERT INTO opt_outs (sender, recipient, keyword, opted_out_at)
      VALUES (:sender, :recipient, :keyword, :at)
      ON CONFLICT (sender, recipient) DO NOTHING
      """)
  void optOut(
      @Param("sender") String sender,
      @Param("recipient") String recipient,
      @Param("keyword") String keyword,
      @Param("at") Instant at);

  @Modifying
  @Query("DELETE FROM opt_outs WHERE sender = :sender AND recipient = :recipient")
  void optIn(@Param("sender") String sender, @Param("recipient") String recipient);

  @Query("SELECT EXISTS (SELECT 1 FROM opt_outs WHERE sender = :sender AND recipient = :recipient)")
  boolean isOptedOut(@Param("sender") String sender, @Param("recipient") String recipient);
}
