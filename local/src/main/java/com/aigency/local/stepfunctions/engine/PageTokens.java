package com.aigency.local.stepfunctions.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque {@code nextToken}s for the List and GetExecutionHistory actions: an offset bound to the
 * listing it came from, so a token of another listing is refused with InvalidToken as in AWS.
 */
final class PageTokens {

  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 1000;

  /** A page of a list, and the token of the next one (null at the end). */
  record Page<T>(List<T> items, String nextToken) {}

  private PageTokens() {}

  static <T> Page<T> page(List<T> all, String scope, Integer maxResults, String nextToken) {
    int size = pageSize(maxResults);
    int from = nextToken == null ? 0 : offset(nextToken, scope, all.size());
    int to = Math.min(all.size(), from + size);
    String next = to < all.size() ? token(scope, to) : null;
    return new Page<>(List.copyOf(all.subList(from, to)), next);
  }

  private static int pageSize(Integer maxResults) {
    if (maxResults == null || maxResults == 0) {
      return DEFAULT_PAGE;
    }
    if (maxResults < 0 || maxResults > MAX_PAGE) {
      throw SfnErrors.validation(
          "1 validation error detected: Value '"
              + maxResults
              + "' at 'maxResults' failed to satisfy constraint: Member must have value "
              + (maxResults < 0 ? "greater than or equal to 0" : "less than or equal to 1000"));
    }
    return maxResults;
  }

  private static String token(String scope, int offset) {
    String text = "v1:" + offset + ":" + Integer.toHexString(scope.hashCode());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token, String scope, int size) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
      int offset = Integer.parseInt(parts[1]);
      if (parts.length == 3
          && "v1".equals(parts[0])
          && parts[2].equals(Integer.toHexString(scope.hashCode()))
          && offset >= 0
          && offset <= size) {
        return offset;
      }
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      // falls through to the error AWS answers
    }
    throw SfnErrors.invalidToken("Invalid token: " + token);
  }
}
