package io.switchboard.ops;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Balance;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.twilio.TwilioFailures;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Reads the balance through twilio-java and keeps the last reading as gauges: {@code
 * switchboard_twilio_balance{currency}} for the low-balance alert, and {@code
 * switchboard_twilio_balance_checked_seconds}, when it was read, so a check that stopped running is
 * noticed too.
 */
@Component("balanceActivities")
class BalanceActivitiesImpl implements BalanceActivities {

  private final TwilioRestClient client;
  private final MeterRegistry meters;
  private final Clock clock;
  private final Map<String, AtomicReference<Double>> balances = new ConcurrentHashMap<>();
  private final AtomicReference<Double> checkedAt = new AtomicReference<>(Double.NaN);

  BalanceActivitiesImpl(TwilioRestClient client, MeterRegistry meters, Clock clock) {
    this.client = client;
    this.meters = meters;
    this.clock = clock;
    Gauge.builder("switchboard.twilio.balance.checked", checkedAt, AtomicReference::get)
        .description("When Twilio's balance was last read, epoch seconds")
        .baseUnit("seconds")
        .register(meters);
  }

  @Override
  public BalanceReport fetchBalance(BalanceQuery query) {
    Balance balance;
    try {
      balance = Balance.fetcher().fetch(client);
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
    BigDecimal amount = new BigDecimal(balance.getBalance());
    String currency = balance.getCurrency() == null ? "" : balance.getCurrency();
    gauge(currency).set(amount.doubleValue());
    checkedAt.set(clock.millis() / 1000.0);
    return new BalanceReport(amount, currency, amount.compareTo(query.lowBelow()) < 0);
  }

  private AtomicReference<Double> gauge(String currency) {
    return balances.computeIfAbsent(
        currency,
        key -> {
          AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
          Gauge.builder("switchboard.twilio.balance", value, AtomicReference::get)
              .description("The Twilio account balance, as last read by the balance schedule")
              .tag("currency", key)
              .register(meters);
          return value;
        });
  }
}
