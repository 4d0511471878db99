package com.aigency.shared.facebook;

import com.aigency.shared.domain.FacebookConnection;
import com.aigency.shared.domain.FacebookConnection.AdAccountChoice;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.http.JsonFields;
import com.aigency.shared.meta.MetaApiException;
import com.aigency.shared.meta.MetaErrorKind;
import com.aigency.shared.meta.MetaOAuth;
import com.aigency.shared.store.FacebookConnectionStore;
import com.aigency.shared.store.ProjectStore;
import com.aigency.shared.vault.TokenVault;
import com.aigency.shared.vault.TokenVaultException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listing a connected project's ad accounts (live from Meta, so the list is current and a revoked
 * token is noticed) and choosing the one campaigns run in.
 */
public final class AdAccountSelection {
  private static final Logger LOG = LoggerFactory.getLogger(AdAccountSelection.class);

  private final ProjectStore projects;
  private final FacebookConnectionStore connections;
  private final MetaOAuth meta;
  private final TokenVault vault;
  private final ConnectionAlerts alerts;
  private final Clock clock;

  public AdAccountSelection(ProjectStore projects, FacebookConnectionStore connections, MetaOAuth meta,
      TokenVault vault, ConnectionAlerts alerts, Clock clock) {
    this.projects = projects;
    this.connections = connections;
    this.meta = meta;
    this.vault = vault;
    this.alerts = alerts;
    this.clock = clock;
  }

  /** The accounts Meta lists for the connected user now; the stored list is refreshed with them. */
  public ConnectionView list(String tenantId, String projectId) {
    FacebookConnection c = usableConnection(tenantId, projectId);
    List<AdAccountChoice> current;
    try {
      current = meta.adAccounts(TokenAccess.token(vault, c)).stream().map(FacebookConnect::choice).toList();
    } catch (TokenVaultException e) {
      alerts.invalid(c, "the stored access token could not be opened");
      throw reconnect();
    } catch (MetaApiException e) {
      if (e.kind() == MetaErrorKind.TOKEN_INVALID) {
        alerts.invalid(c, "Meta error " + e.code().map(String::valueOf).orElse("?") + ": the access token is no longer valid");
        throw reconnect();
      }
      LOG.warn("Listing ad accounts of project {} failed: {}", projectId, e.getMessage());
      throw new ApiException(502, "META_UNAVAILABLE", "Meta did not answer the ad account list; try again shortly", null);
    }
    FacebookConnection refreshed = c.withAdAccounts(current, clock.instant());
    connections.save(refreshed);
    return ConnectionView.of(refreshed);
  }

  /** Selects {@code {"adAccountId": "act_..."}}, which must be one the connection lists. */
  public ConnectionView select(String tenantId, String projectId, JsonNode body) {
    String adAccountId = JsonFields.of(body, java.util.Set.of("adAccountId")).requiredText("adAccountId", 40);
    if (!adAccountId.matches("act_[0-9]{1,20}")) {
      throw ApiException.invalid("adAccountId", "'adAccountId' must look like act_<digits>");
    }
    FacebookConnection c = usableConnection(tenantId, projectId);
    if (c.adAccount(adAccountId).isEmpty()) {
      throw ApiException.invalid("adAccountId", "'adAccountId' is not one of the ad accounts this connection can use");
    }
    connections.selectAdAccount(tenantId, projectId, adAccountId, clock.instant());
    return ConnectionView.of(connections.find(tenantId, projectId).orElseThrow());
  }

  private FacebookConnection usableConnection(String tenantId, String projectId) {
    if (!Ids.looksLike("p", projectId) || projects.find(tenantId, projectId).isEmpty()) {
      throw ApiException.notFound("Project");
    }
    FacebookConnection c = connections.find(tenantId, projectId)
        .orElseThrow(() -> new ApiException(409, "FACEBOOK_NOT_CONNECTED",
            "This project is not connected to Facebook yet: start at GET /auth/facebook?projectId=" + projectId, null));
    if (c.status() == FacebookConnection.Status.INVALID) {
      throw reconnect();
    }
    return c;
  }

  private static ApiException reconnect() {
    return new ApiException(409, "FACEBOOK_RECONNECT_REQUIRED",
        "Meta no longer accepts this connection; connect Facebook again", null);
  }
}
