package io.switchboard.ops;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The account's balance at Twilio. Reading it has no side effect, so any retry is safe. */
@ActivityInterface
public interface BalanceActivities {

  /** Fetches the balance and publishes it as the {@code switchboard.twilio.balance} gauge. */
  @ActivityMethod(name = "FetchBalance")
  BalanceReport fetchBalance(BalanceQuery query);
}
