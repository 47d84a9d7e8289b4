package io.switchboard.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerifiedApiKeysTest {

  private final KeysInMemory database = new KeysInMemory();

  @Test
  void aVerifiedKeyIsNotLookedUpAgainWithinItsTimeToLive() {
    database.add("k1", "hash-1");
    VerifiedApiKeys keys = new VerifiedApiKeys(database, Duration.ofMinutes(1));

    assertThat(keys.findActive("hash-1")).map(ApiKeyRecord::id).hasValue("k1");
    assertThat(keys.findActive("hash-1")).map(ApiKeyRecord::id).hasValue("k1");

    assertThat(database.lookups.get()).isEqualTo(1);
  }

  @Test
  void anUnknownKeyIsCheckedEveryTimeSoThatANewKeyWorksAtOnce() {
    VerifiedApiKeys keys = new VerifiedApiKeys(database, Duration.ofMinutes(1));

    assertThat(keys.findActive("hash-2")).isEmpty();
    database.add("k2", "hash-2");

    assertThat(keys.findActive("hash-2")).map(ApiKeyRecord::id).hasValue("k2");
    assertThat(database.lookups.get()).isEqualTo(2);
  }

  @Test
  void aForgottenKeyIsLookedUpAgainAndARevokedOneRefused() {
    database.add("k3", "hash-3");
    VerifiedApiKeys keys = new VerifiedApiKeys(database, Duration.ofMinutes(1));
    keys.findActive("hash-3");

    database.revoke("k3", Instant.now());
    keys.forget("k3");

    assertThat(keys.findActive("hash-3")).isEmpty();
  }

  @Test
  void aZeroTimeToLiveChecksTheDatabaseOnEveryRequest() {
    database.add("k4", "hash-4");
    VerifiedApiKeys keys = new VerifiedApiKeys(database, Duration.ZERO);

    keys.findActive("hash-4");
    keys.findActive("hash-4");

    assertThat(database.lookups.get()).isEqualTo(2);
  }

  /** The repository's lookups, counted. */
  private static final class KeysInMemory implements ApiKeyRepository {
    final Map<String, ApiKeyRecord> byHash = new HashMap<>();
    final AtomicInteger lookups = new AtomicInteger();

    void add(String id, String hash) {
      byHash.put(hash, new ApiKeyRecord(id, id, hash, "calls:read", Instant.now(), null));
    }

    @Override
    public Optional<ApiKeyRecord> findActiveByHash(String hash) {
      lookups.incrementAndGet();
      return Optional.ofNullable(byHash.get(hash)).filter(key -> key.revokedAt() == null);
    }

    @Override
    public void upsert(String id, String name, String hash, String scopes, Instant at) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void insert(String id, String name, String hash, String scopes, Instant at) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int revoke(String id, Instant at) {
      int revoked = 0;
      for (Map.Entry<String, ApiKeyRecord> entry : byHash.entrySet()) {
        ApiKeyRecord key = entry.getValue();
        if (key.id().equals(id) && key.revokedAt() == null) {
          entry.setValue(
              new ApiKeyRecord(
                  key.id(), key.name(), key.keyHash(), key.scopes(), key.createdAt(), at));
          revoked++;
        }
      }
      return revoked;
    }

    @Override
    public List<ApiKeyRecord> findAllByOrderByCreatedAt() {
      return List.copyOf(byHash.values());
    }
  }
}
