package io.switchboard.simulator.account;

import static io.switchboard.simulator.rest.TwilioOperation.FETCH_BALANCE;

import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Form;
import io.switchboard.simulator.rest.TwilioAuthFilter;
import io.switchboard.simulator.rest.TwilioJson;
import io.switchboard.simulator.rest.TwilioResource;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Twilio's Balance resource: {@code GET /2010-04-01/Accounts/{AccountSid}/Balance.json}. */
@RestController
@TwilioResource
class BalanceController {

  private final AccountBalance balance;
  private final Accounts accounts;

  BalanceController(AccountBalance balance, Accounts accounts) {
    this.balance = balance;
    this.accounts = accounts;
  }

  @GetMapping(TwilioAuthFilter.PREFIX + "/2010-04-01/Accounts/{accountSid}/Balance.json")
  ResponseEntity<String> fetch(@PathVariable String accountSid, HttpServletRequest request) {
    Form.of(FETCH_BALANCE, request);
    accounts.check(accountSid, "/2010-04-01/Accounts/" + accountSid + "/Balance.json");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("account_sid", accounts.sid());
    // Twilio sends the amount as a string, in the account's currency.
    body.put("balance", balance.get().toPlainString());
    body.put("currency", "USD");
    return TwilioJson.ok(body);
  }

  /** Control API: sets the balance, for example to drive the low-balance alert. */
  @PutMapping("/simulator/api/balance")
  Map<String, String> set(@RequestBody Map<String, String> request) {
    balance.set(new BigDecimal(request.get("balance")));
    return Map.of("balance", balance.get().toPlainString(), "currency", "USD");
  }
}
