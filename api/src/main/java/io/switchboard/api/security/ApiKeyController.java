package io.switchboard.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Making, listing and revoking API keys (scope admin). The secret is returned once. */
@RestController
@RequestMapping(path = "/api/keys", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API keys")
public class ApiKeyController {

  private final ApiKeyRepository keys;
  private final VerifiedApiKeys verified;
  private final Clock clock;

  public ApiKeyController(ApiKeyRepository keys, VerifiedApiKeys verified, Clock clock) {
    this.keys = keys;
    this.verified = verified;
    this.clock = clock;
  }

  /**
   * A request for a new key.
   *
   * @param name what the key is for, so that it can be found and revoked later
   * @param scopes what it may do, for example {@code ["calls:read"]}
   */
  public record NewKey(
      @NotBlank @Size(max = 200) String name,
      @NotEmpty
          @ArraySchema(
              schema =
                  @Schema(
                      allowableValues = {
                        "calls:read",
                        "calls:write",
                        "messages:read",
                        "messages:write",
                        "recordings:read",
                        "recordings:write",
                        "flows:read",
                        "flows:write",
                        "agents:read",
                        "agents:write",
                        "webhooks:read",
                        "webhooks:replay",
                        "ops",
                        "admin"
                      }))
          Set<@NotBlank String> scopes) {}

  /** A key as listed; never the secret. */
  public record KeyView(
      String id, String name, List<String> scopes, Instant createdAt, Instant revokedAt) {
    static KeyView of(ApiKeyRecord key) {
      return new KeyView(
          key.id(), key.name(), List.of(key.scopes().split(",")), key.createdAt(), key.revokedAt());
    }
  }

  /** A new key with its secret, shown this once. */
  public record CreatedKey(String id, String name, List<String> scopes, String secret) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      operationId = "createApiKey",
      summary = "Make an API key; the secret is in this response only (scope admin)")
  CreatedKey create(@Valid @RequestBody NewKey request) {
    for (String scope : request.scopes()) {
      if (ApiScope.parse(scope).isEmpty()) {
        throw new IllegalArgumentException("Unknown scope '" + scope + "'.");
      }
    }
    String scopes = request.scopes().stream().sorted().collect(Collectors.joining(","));
    String id = "key_" + UUID.randomUUID().toString().replace("-", "");
    String secret = ApiKeys.newSecret();
    keys.insert(id, request.name(), ApiKeys.hash(secret), scopes, clock.instant());
    return new CreatedKey(id, request.name(), List.of(scopes.split(",")), secret);
  }

  @GetMapping
  @Operation(
      operationId = "listApiKeys",
      summary = "List API keys, revoked ones included (scope admin)")
  List<KeyView> list() {
    return keys.findAllByOrderByCreatedAt().stream().map(KeyView::of).toList();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "revokeApiKey",
      summary = "Revoke an API key (scope admin)",
      description =
          "Refused at once by the api instance that revoked it, and by every other instance within"
              + " switchboard.api-keys.cache-ttl (5 seconds unless configured), for which they"
              + " hold keys they verified.")
  void revoke(@PathVariable String id) {
    int revoked = keys.revoke(id, clock.instant());
    verified.forget(id);
    if (revoked == 0) {
      throw new NotFoundException("No API key " + id + ".");
    }
  }
}
