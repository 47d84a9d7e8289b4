package io.switchboard.bench;

import java.util.List;

/**
 * Where to send, the account to sign as, the API key for REST scenarios, and the CallSids of the
 * sessions the bench opened (for gather turns).
 */
record Target(
    String base,
    String publicUrl,
    String accountSid,
    String authToken,
    String apiKey,
    List<String> sessions) {

  Target withSessions(List<String> callSids) {
    return new Target(base, publicUrl, accountSid, authToken, apiKey, List.copyOf(callSids));
  }
}
