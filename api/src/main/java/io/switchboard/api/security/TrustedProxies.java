package io.switchboard.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Which peers may tell us, in {@code X-Forwarded-*} headers, what the original request looked like.
 * Anyone else could forge those headers to make a replayed signature match, so they are ignored
 * unless the connection comes from a configured proxy.
 */
public class TrustedProxies {

  private final List<IpAddressMatcher> proxies;

  public TrustedProxies(List<String> cidrs) {
    this.proxies = cidrs.stream().map(IpAddressMatcher::new).toList();
  }

  public boolean trusts(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    return peer != null && proxies.stream().anyMatch(proxy -> proxy.matches(peer));
  }

  /** The client's address: the peer, or the last untrusted hop a trusted proxy reports. */
  public String clientAddress(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || !trusts(request)) {
      return peer;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && proxies.stream().noneMatch(proxy -> proxy.matches(hop))) {
        return hop;
      }
    }
    return peer;
  }
}
