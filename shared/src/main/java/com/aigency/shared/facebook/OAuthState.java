package com.aigency.shared.facebook;

import java.time.Instant;

/** What an OAuth {@code state} value is bound to. */
public record OAuthState(String nonce, String tenantId, String userId, String projectId, Instant expiresAt) {}
