package com.aigency.shared.facebook;

import com.aigency.shared.domain.FacebookConnection;
import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.meta.MetaApiException;
import com.aigency.shared.meta.MetaErrorKind;
import com.aigency.shared.meta.MetaOAuth;
import com.aigency.shared.store.FacebookConnectionStore;
import com.aigency.shared.store.FacebookConnectionStore.ExpiryEntry;
import com.aigency.shared.store.Page;
import com.aigency.shared.store.PageRequest;
import com.aigency.shared.vault.TokenVault;
import com.aigency.shared.vault.TokenVaultException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily Meta token check: every connection whose token expires within {@link #HORIZON} is
 * refreshed where Meta gives a later expiry; otherwise it is marked EXPIRING and the owner told.
 * An expired token, or Meta's error 190, marks it INVALID and asks for reconnection.
 */
public final class TokenCheck {
  /** How far ahead the check looks: a week leaves the owner time to reconnect. */
  public static final Duration HORIZON = Duration.ofDays(7);

  private static final Logger LOG = LoggerFactory.getLogger(TokenCheck.class);

  private final FacebookConnectionStore connections;
  private final MetaOAuth meta;
  private final TokenVault vault;
  private final ConnectionAlerts alerts;

  public TokenCheck(FacebookConnectionStore connections, MetaOAuth meta, TokenVault vault, ConnectionAlerts alerts) {
    this.connections = connections;
    this.meta = meta;
    this.vault = vault;
    this.alerts = alerts;
  }

  /** What one run did. */
  public record Summary(int checked, int refreshed, int expiring, int invalid, int failed) {}

  /** Checks as of {@code now} (the schedule's time, so a replayed event checks the same window). */
  public Summary run(Instant now) {
    int checked = 0, refreshed = 0, expiring = 0, invalid = 0, failed = 0;
    Optional<String> next = Optional.empty();
    do {
      Page<ExpiryEntry> page = connections.expiringBefore(now.plus(HORIZON), new PageRequest(50, next));
      for (ExpiryEntry entry : page.items()) {
        checked++;
        try {
          switch (check(entry, now)) {
            case REFRESHED -> refreshed++;
            case EXPIRING -> expiring++;
            case INVALID -> invalid++;
            case SKIPPED -> { }
          }
        } catch (RuntimeException e) {
          // one bad record must not stop the others; it is retried tomorrow
          failed++;
          LOG.error("Token check of project {} failed", entry.projectId(), e);
        }
      }
      next = Optional.ofNullable(page.nextToken());
    } while (next.isPresent());
    Summary summary = new Summary(checked, refreshed, expiring, invalid, failed);
    LOG.info("Meta token check: {}", summary);
    return summary;
  }

  private enum Outcome { REFRESHED, EXPIRING, INVALID, SKIPPED }

  private Outcome check(ExpiryEntry entry, Instant now) {
    // the index is eventually consistent: decide on the item itself, read consistently
    Optional<FacebookConnection> found = connections.find(entry.tenantId(), entry.projectId());
    if (found.isEmpty() || found.get().status() == FacebookConnection.Status.INVALID) {
      return Outcome.SKIPPED;
    }
    FacebookConnection c = found.get();
    Instant expires = c.tokenExpiresAt().orElse(entry.expiresAt());
    if (!expires.isAfter(now)) {
      alerts.invalid(c, "the access token expired on " + expires);
      return Outcome.INVALID;
    }
    try {
      AccessToken renewed = meta.exchangeForLongLived(TokenAccess.token(vault, c));
      if (renewed.expiresAt() != null && renewed.expiresAt().isAfter(expires)) {
        connections.save(c.withToken(vault.seal(renewed.value(), c.tenantId(), c.userId()), renewed.expiresAt(), now));
        LOG.info("Meta token of project {} refreshed until {}", c.projectId(), renewed.expiresAt());
        return Outcome.REFRESHED;
      }
      alerts.expiring(c, "Meta did not extend the access token");
      return Outcome.EXPIRING;
    } catch (TokenVaultException e) {
      alerts.invalid(c, "the stored access token could not be opened");
      return Outcome.INVALID;
    } catch (MetaApiException e) {
      if (e.kind() == MetaErrorKind.TOKEN_INVALID) {
        alerts.invalid(c, "Meta error " + e.code().map(String::valueOf).orElse("?") + ": the access token is no longer valid");
        return Outcome.INVALID;
      }
      alerts.expiring(c, "refreshing failed (" + e.kind() + ")");
      return Outcome.EXPIRING;
    }
  }
}
