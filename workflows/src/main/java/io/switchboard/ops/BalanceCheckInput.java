package io.switchboard.ops;

import java.math.BigDecimal;

/**
 * The schedule's fixed input.
 *
 * @param lowBelow a balance under this amount (in the account's currency) is low
 */
public record BalanceCheckInput(BigDecimal lowBelow) {}
