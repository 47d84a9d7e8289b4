package io.switchboard.simulator.account;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The simulated account's balance: plenty by default, set by a test to drive a low-balance alert.
 */
@Component
public class AccountBalance {

  static final BigDecimal INITIAL = new BigDecimal("25.00");

  private final AtomicReference<BigDecimal> balance = new AtomicReference<>(INITIAL);

  public BigDecimal get() {
    return balance.get();
  }

  public void set(BigDecimal amount) {
    balance.set(amount);
  }
}
