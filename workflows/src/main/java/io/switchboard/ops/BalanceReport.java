package io.switchboard.ops;

import java.math.BigDecimal;

/**
 * The balance Twilio reported.
 *
 * @param balance the amount
 * @param currency for example {@code USD}
 * @param low whether it is under the threshold
 */
public record BalanceReport(BigDecimal balance, String currency, boolean low) {}
