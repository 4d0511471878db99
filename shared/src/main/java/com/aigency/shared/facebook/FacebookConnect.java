package com.aigency.shared.facebook;

import com.aigency.shared.domain.FacebookConnection;
import com.aigency.shared.domain.FacebookConnection.AdAccountChoice;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.meta.AdAccount;
import com.aigency.shared.meta.MetaApiException;
import com.aigency.shared.meta.MetaOAuth;
import com.aigency.shared.meta.MetaUser;
import com.aigency.shared.store.FacebookConnectionStore;
import com.aigency.shared.store.OAuthStateStore;
import com.aigency.shared.store.ProjectStore;
import com.aigency.shared.vault.TokenVault;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting a project to Meta: {@link #start} issues a signed, single-use, expiring {@code state}
 * and the dialog URL; {@link #complete} checks the state Meta sends back, exchanges the code for a
 * long-lived token, lists the ad accounts and stores the connection with the token sealed. A
 * failed completion changes nothing but the state's single use.
 */
public final class FacebookConnect {
  /** What Aigency asks Meta for: manage and read ads, and see the business's ad accounts. */
  public static final List<String> SCOPES = List.of("ads_management", "ads_read", "business_management");

  /** How long the owner has to get through Meta's dialog. */
  public static final Duration STATE_TTL = Duration.ofMinutes(15);

  private static final Logger LOG = LoggerFactory.getLogger(FacebookConnect.class);

  private final ProjectStore projects;
  private final OAuthStateStore states;
  private final OAuthStateCodec codec;
  private final FacebookConnectionStore connections;
  private final MetaOAuth meta;
  private final TokenVault vault;
  private final Clock clock;

  public FacebookConnect(ProjectStore projects, OAuthStateStore states, OAuthStateCodec codec,
      FacebookConnectionStore connections, MetaOAuth meta, TokenVault vault, Clock clock) {
    this.projects = projects;
    this.states = states;
    this.codec = codec;
    this.connections = connections;
    this.meta = meta;
    this.vault = vault;
    this.clock = clock;
  }

  /** The Meta dialog URL for this user to connect this project; 404 for a project not theirs. */
  public URI start(String tenantId, String userId, String projectId, URI callbackUrl) {
    if (!Ids.looksLike("p", projectId) || projects.find(tenantId, projectId).isEmpty()) {
      throw ApiException.notFound("Project");
    }
    Instant expires = clock.instant().plus(STATE_TTL);
    OAuthState state = new OAuthState(codec.newNonce(), tenantId, userId, projectId, expires);
    states.put(tenantId, state.nonce(), userId, projectId, expires);
    return meta.dialogUrl(callbackUrl.toString(), codec.encode(state), SCOPES);
  }

  /** What Meta's dialog sent back to the callback. */
  public record Callback(Optional<String> state, Optional<String> code, Optional<String> error) {}

  /** A completed connection. */
  public record Connected(String tenantId, String projectId, int adAccounts) {}

  /**
   * Finishes the connection.
   *
   * @throws OAuthFlowException naming why nothing was connected
   */
  public Connected complete(Callback callback, URI callbackUrl) {
    OAuthState state = codec.decode(callback.state().orElse(null));
    if (!clock.instant().isBefore(state.expiresAt())) {
      throw new OAuthFlowException(OAuthFailure.EXPIRED, "state expired at " + state.expiresAt());
    }
    if (!states.consume(state.tenantId(), state.nonce(), state.userId(), state.projectId())) {
      throw new OAuthFlowException(OAuthFailure.REPLAYED, "state already used or unknown");
    }
    if (callback.error().isPresent()) {
      throw new OAuthFlowException(
          "access_denied".equals(callback.error().get()) ? OAuthFailure.DENIED : OAuthFailure.EXCHANGE_FAILED,
          "Meta's dialog answered " + callback.error().get());
    }
    String code = callback.code().filter(c -> !c.isBlank())
        .orElseThrow(() -> new OAuthFlowException(OAuthFailure.EXCHANGE_FAILED, "no code in the callback"));
    if (projects.find(state.tenantId(), state.projectId()).isEmpty()) {
      throw new OAuthFlowException(OAuthFailure.PROJECT_GONE, "project " + state.projectId());
    }
    AccessToken longLived;
    MetaUser user;
    List<AdAccount> accounts;
    try {
      AccessToken shortLived = meta.exchangeCode(code, callbackUrl.toString());
      longLived = meta.exchangeForLongLived(shortLived);
      user = meta.me(longLived);
      accounts = meta.adAccounts(longLived);
    } catch (MetaApiException e) {
      LOG.warn("Meta refused the connection of project {}: {}", state.projectId(), e.getMessage());
      throw new OAuthFlowException(OAuthFailure.EXCHANGE_FAILED, e.kind().name());
    }
    Instant now = clock.instant();
    List<AdAccountChoice> choices = accounts.stream().map(FacebookConnect::choice).toList();
    connections.save(new FacebookConnection(
        state.tenantId(), state.projectId(), state.userId(), user.id(), user.name(),
        vault.seal(longLived.value(), state.tenantId(), state.userId()),
        Optional.ofNullable(longLived.expiresAt()), FacebookConnection.Status.VALID, Optional.empty(), choices,
        choices.size() == 1 ? Optional.of(choices.get(0).id()) : Optional.empty(), now, now));
    LOG.info("Project {} connected to Meta with {} ad account(s)", state.projectId(), choices.size());
    return new Connected(state.tenantId(), state.projectId(), choices.size());
  }

  static AdAccountChoice choice(AdAccount a) {
    return new AdAccountChoice(a.id(), a.name(), a.currency(), a.timezoneName(), a.accountStatus());
  }
}
