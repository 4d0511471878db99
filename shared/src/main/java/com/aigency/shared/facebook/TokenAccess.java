package com.aigency.shared.facebook;

import com.aigency.shared.domain.FacebookConnection;
import com.aigency.shared.meta.AccessToken;
import com.aigency.shared.vault.TokenVault;

/** Opens a connection's sealed token for one call to Meta; the plaintext lives only in the result. */
public final class TokenAccess {
  private TokenAccess() {}

  public static AccessToken token(TokenVault vault, FacebookConnection c) {
    return new AccessToken(vault.open(c.token(), c.tenantId(), c.userId()), c.tokenExpiresAt().orElse(null));
  }
}
