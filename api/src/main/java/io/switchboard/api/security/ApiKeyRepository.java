package io.switchboard.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** API keys, looked up by the hash of the presented secret. */
public interface ApiKeyRepository extends Repository<ApiKeyRecord, String> {

  @Query("SELECT * FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL")
  Optional<ApiKeyRecord> findActiveByHash(@Param("hash") String hash);

  /** Creates the key or replaces its secret and scopes; used for the bootstrap admin key. */
  @Modifying
  @Query(
      """
      INSERT INTO api_keys (id, name, key_hash, scopes, created_at)
      VALUES (:id, :name, :hash, :scopes, :at)
      ON CONFLICT (id) DO UPDATE
         SET key_hash = EXCLUDED.key_hash, scopes = EXCLUDED.scopes, revoked_at = NULL
      """)
  void upsert(
      @Param("id") String id,
      @Param("name") String name,
      @Param("hash") String hash,
      @Param("scopes") String scopes,
      @Param("at") Instant at);

  @Modifying
  @Query(
      """
      INSERT INTO api_keys (id, name, key_hash, scopes, created_at)
      VALUES (:id, :name, :hash, :scopes, :at)
      """)
  void insert(
      @Param("id") String id,
      @Param("name") String name,
      @Param("hash") String hash,
      @Param("scopes") String scopes,
      @Param("at") Instant at);

  @Modifying
  @Query("UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
  int revoke(@Param("id") String id, @Param("at") Instant at);

  @Query("SELECT * FROM api_keys ORDER BY created_at")
  List<ApiKeyRecord> findAllByOrderByCreatedAt();
}
