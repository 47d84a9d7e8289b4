package io.switchboard.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Active API keys by the hash of their secret, held for a few seconds after a successful lookup so
 * that a burst of REST calls does not queue one query per request for a pool connection (the
 * throttle benchmark exhausted the pool that way). Unknown keys are never held: a new key works at
 * once and a wrong one is always checked. A revocation through this instance takes effect at once
 * here and within the time to live on every other api instance.
 */
@Component
public class VerifiedApiKeys {

  private static final int MAX_KEYS = 10_000;

  private final ApiKeyRepository keys;
  private final Cache<String, ApiKeyRecord> active;

  public VerifiedApiKeys(
      ApiKeyRepository keys, @Value("${switchboard.api-keys.cache-ttl:PT5S}") Duration timeToLive) {
    this.keys = keys;
    this.active = Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(MAX_KEYS).build();
  }

  /** The active key with this hash, from the last few seconds' lookups or from the database. */
  public Optional<ApiKeyRecord> findActive(String hash) {
    ApiKeyRecord held = active.getIfPresent(hash);
    if (held != null) {
      return Optional.of(held);
    }
    Optional<ApiKeyRecord> found = keys.findActiveByHash(hash);
    found.ifPresent(key -> active.put(hash, key));
    return found;
  }

  /** Forgets the key with this id, after it was revoked or its secret replaced. */
  public void forget(String id) {
    active.asMap().values().removeIf(key -> key.id().equals(id));
  }
}
