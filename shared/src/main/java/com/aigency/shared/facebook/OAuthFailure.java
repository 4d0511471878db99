package com.aigency.shared.facebook;

/** Why a Meta connection attempt ended without a connection; the code the app is sent back with. */
public enum OAuthFailure {
  /** The state is malformed or its signature does not match. */
  FORGED("The sign-in link was not issued by Aigency. Start the connection again."),
  /** The state's time ran out before Meta sent the user back. */
  EXPIRED("The sign-in link expired. Start the connection again."),
  /** The state was already used, or does not match what it was issued for. */
  REPLAYED("This sign-in link was already used. Start the connection again."),
  /** The user declined the permissions in Meta's dialog. */
  DENIED("The Meta permissions were declined, so nothing was connected."),
  /** Meta refused the code exchange or a follow-up call. */
  EXCHANGE_FAILED("Meta did not confirm the sign-in. Try connecting again in a moment."),
  /** The project the state names no longer exists. */
  PROJECT_GONE("The project this connection was for no longer exists.");

  private final String userMessage;

  OAuthFailure(String userMessage) {
    this.userMessage = userMessage;
  }

  public String userMessage() {
    return userMessage;
  }
}
