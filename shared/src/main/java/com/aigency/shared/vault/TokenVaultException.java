package com.aigency.shared.vault;

/**
 * A token could not be sealed or opened. Messages name the reason and, where useful, the tenant
 * and user ids; they never contain a token, a data key or ciphertext.
 */
public final class TokenVaultException extends RuntimeException {

  /** Why the vault refused. */
  public enum Reason {
    /**
     * The sealed token does not belong to the tenant and user it is opened for, or it was altered
     * (KMS rejected the encryption context, or the AES-GCM tag did not verify).
     */
    NOT_OPENABLE,
    /** The sealed token is not well formed (bad base64, wrong IV length, unknown algorithm). */
    MALFORMED,
    /** KMS failed for a reason other than the ciphertext (throttling, access, network). */
    KMS_FAILURE,
    /** The vault is not configured (for example {@code TOKEN_KEY_ID} is missing). */
    CONFIGURATION
  }

  private final Reason reason;

  public TokenVaultException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public TokenVaultException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
