package com.aigency.shared.domain;

import com.aigency.shared.vault.SealedToken;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's link to a Meta user and one of their ad accounts (SPEC section 3). The access token
 * is only ever held sealed (KMS envelope, bound to tenant and user); it is never returned by an
 * API nor logged.
 *
 * @param userId the Aigency user (API key) that connected it: half of the token's encryption
 *     context
 * @param adAccounts the accounts Meta listed at connection time, to choose from
 */
public record FacebookConnection(
    String tenantId,
    String projectId,
    String userId,
    String fbUserId,
    String fbUserName,
    SealedToken token,
    Optional<Instant> tokenExpiresAt,
    Status status,
    Optional<String> statusReason,
    List<AdAccountChoice> adAccounts,
    Optional<String> adAccountId,
    Instant connectedAt,
    Instant updatedAt) {

  public enum Status {
    VALID,
    EXPIRING,
    INVALID
  }

  /** An ad account as offered for selection; {@code id} is Meta's {@code act_...} form. */
  public record AdAccountChoice(String id, String name, String currency, String timezoneName, int accountStatus) {}

  public FacebookConnection {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(projectId, "projectId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(status, "status");
    tokenExpiresAt = tokenExpiresAt == null ? Optional.empty() : tokenExpiresAt;
    statusReason = statusReason == null ? Optional.empty() : statusReason;
    adAccounts = adAccounts == null ? List.of() : List.copyOf(adAccounts);
    adAccountId = adAccountId == null ? Optional.empty() : adAccountId;
  }

  /** The same connection offering {@code accounts}; the selection is kept only if still offered. */
  public FacebookConnection withAdAccounts(List<AdAccountChoice> accounts, Instant now) {
    var kept = adAccountId.filter(id -> accounts.stream().anyMatch(a -> a.id().equals(id)));
    return new FacebookConnection(tenantId, projectId, userId, fbUserId, fbUserName, token, tokenExpiresAt, status,
        statusReason, accounts, kept, connectedAt, now);
  }

  /** The same connection with a renewed token: VALID again. */
  public FacebookConnection withToken(SealedToken renewed, Instant expiresAt, Instant now) {
    return new FacebookConnection(tenantId, projectId, userId, fbUserId, fbUserName, renewed, Optional.ofNullable(expiresAt),
        Status.VALID, Optional.empty(), adAccounts, adAccountId, connectedAt, now);
  }

  public Optional<AdAccountChoice> adAccount(String id) {
    return adAccounts.stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
