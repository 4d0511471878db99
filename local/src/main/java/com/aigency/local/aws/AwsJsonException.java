package com.aigency.local.aws;

/**
 * An error answered the way AWS JSON-protocol services answer it: an HTTP status, an error code
 * (sent as {@code __type} and {@code x-amzn-ErrorType}, which the SDK maps to its modelled
 * exception classes) and a message.
 *
 * <p>Named apart from the SDK's {@code AwsServiceException} so both can be imported side by side.
 */
public class AwsJsonException extends RuntimeException {

  private final int httpStatus;
  private final String errorCode;

  public AwsJsonException(int httpStatus, String errorCode, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** HTTP 400 with the given code: the status of nearly every client error in these APIs. */
  public static AwsJsonException badRequest(String errorCode, String message) {
    return new AwsJsonException(400, errorCode, message);
  }

  /** The generic input-validation error that AWS front ends answer with. */
  public static AwsJsonException validation(String message) {
    return badRequest("ValidationException", message);
  }

  public static AwsJsonException unknownOperation(String operation) {
    return badRequest("UnknownOperationException", "Unknown operation " + operation);
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String errorCode() {
    return errorCode;
  }
}
