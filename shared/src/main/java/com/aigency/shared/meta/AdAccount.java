package com.aigency.shared.meta;

/**
 * An ad account the user can reach ({@code GET /me/adaccounts}).
 *
 * @param id the Graph id, {@code act_<accountId>}
 * @param accountId the numeric id without the {@code act_} prefix
 * @param currency ISO 4217 code; budgets and spend of this account are in it
 * @param timezoneName IANA zone, e.g. {@code Europe/Berlin}; Meta's day boundaries follow it
 * @param accountStatus Meta's code: 1 active, 2 disabled, 3 unsettled, 7 pending risk review, ...
 */
public record AdAccount(
    String id, String accountId, String name, String currency, String timezoneName, int accountStatus) {

  /** Meta's {@code account_status} 1: the account can run ads. */
  public boolean isActive() {
    return accountStatus == 1;
  }
}
