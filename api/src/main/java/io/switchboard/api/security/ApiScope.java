package io.switchboard.api.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What an API key may do. {@code admin} grants every scope. */
public enum ApiScope {
  CALLS_READ("calls:read"),
  CALLS_WRITE("calls:write"),
  MESSAGES_READ("messages:read"),
  MESSAGES_WRITE("messages:write"),
  RECORDINGS_READ("recordings:read"),
  RECORDINGS_WRITE("recordings:write"),
  FLOWS_READ("flows:read"),
  FLOWS_WRITE("flows:write"),
  AGENTS_READ("agents:read"),
  AGENTS_WRITE("agents:write"),
  WEBHOOKS_READ("webhooks:read"),
  WEBHOOKS_REPLAY("webhooks:replay"),
  OPS("ops"),
  ADMIN("admin");

  private final String value;

  ApiScope(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** The Spring Security authority that guards endpoints needing this scope. */
  public String authority() {
    return "SCOPE_" + value;
  }

  public static Optional<ApiScope> parse(String value) {
    return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
  }

  /** The scopes a stored scope list grants, with {@code admin} expanded to all of them. */
  public static Set<ApiScope> granted(String storedScopes) {
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (String value : storedScopes.split("[\\s,]+")) {
      parse(value).ifPresent(scopes::add);
    }
    return scopes.contains(ADMIN) ? EnumSet.allOf(ApiScope.class) : scopes;
  }
}
