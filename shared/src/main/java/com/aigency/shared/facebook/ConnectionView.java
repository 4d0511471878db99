package com.aigency.shared.facebook;

import com.aigency.shared.domain.FacebookConnection;
import java.time.Instant;
import java.util.List;

/** A project's Meta connection as the API shows it: never the token. */
public record ConnectionView(
    String status,
    String statusReason,
    String fbUserName,
    Instant tokenExpiresAt,
    String adAccountId,
    List<AdAccountView> adAccounts) {

  /** One ad account; {@code status} is Meta's account_status in words. */
  public record AdAccountView(String id, String name, String currency, String timezoneName, String status, boolean selected) {}

  public static ConnectionView of(FacebookConnection c) {
    String selected = c.adAccountId().orElse(null);
    return new ConnectionView(
        c.status().name(),
        c.statusReason().orElse(null),
        c.fbUserName(),
        c.tokenExpiresAt().orElse(null),
        selected,
        c.adAccounts().stream()
            .map(a -> new AdAccountView(a.id(), a.name(), a.currency(), a.timezoneName(),
                accountStatus(a.accountStatus()), a.id().equals(selected)))
            .toList());
  }

  /** Meta's numeric account_status codes. */
  static String accountStatus(int code) {
    return switch (code) {
      case 1 -> "ACTIVE";
      case 2 -> "DISABLED";
      case 3 -> "UNSETTLED";
      case 7 -> "PENDING_RISK_REVIEW";
      case 8 -> "PENDING_SETTLEMENT";
      case 9 -> "IN_GRACE_PERIOD";
      case 100 -> "PENDING_CLOSURE";
      case 101 -> "CLOSED";
      case 201 -> "ANY_ACTIVE";
      case 202 -> "ANY_CLOSED";
      default -> "UNKNOWN";
    };
  }
}
