package io.switchboard.api.security;

import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/**
 * Resolves a bearer API key to its scopes. Spring Security's opaque-token support does the rest:
 * reading the header, the 401 challenge, and scope checks as {@code SCOPE_*} authorities.
 */
@Component
public class ApiKeyIntrospector implements OpaqueTokenIntrospector {

  private final VerifiedApiKeys keys;

  public ApiKeyIntrospector(VerifiedApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    ApiKeyRecord key;
    try {
      key =
          keys.findActive(ApiKeys.hash(token))
              .orElseThrow(() -> new BadOpaqueTokenException("Unknown or revoked API key"));
    } catch (DataAccessException e) {
      // Not the caller's fault: Spring Security turns this into an authentication-service failure,
      // which the error page answers 503 so that clients retry instead of seeing a 500.
      throw new OAuth2IntrospectionException("API keys cannot be checked right now", e);
    }
    List<GrantedAuthority> authorities =
        ApiScope.granted(key.scopes()).stream()
            .map(scope -> (GrantedAuthority) new SimpleGrantedAuthority(scope.authority()))
            .toList();
    return new OAuth2IntrospectionAuthenticatedPrincipal(
        key.name(), Map.of("sub", key.id(), "key_name", key.name()), authorities);
  }
}
