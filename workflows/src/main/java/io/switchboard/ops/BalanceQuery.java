package io.switchboard.ops;

import java.math.BigDecimal;

/**
 * A balance check.
 *
 * @param lowBelow a balance under this amount is reported low
 */
public record BalanceQuery(BigDecimal lowBelow) {}
