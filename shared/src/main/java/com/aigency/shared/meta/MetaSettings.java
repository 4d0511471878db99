package com.aigency.shared.meta;

import com.aigency.shared.aws.AwsClients;
import com.aigency.shared.aws.CachedSecret;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where and as which app the Meta client talks, from the environment template.yaml declares.
 *
 * <ul>
 *   <li>{@code META_GRAPH_BASE_URL}: Graph API base, default {@value #DEFAULT_GRAPH_BASE_URL}.
 *   <li>{@code META_DIALOG_BASE_URL}: OAuth dialog base, default {@value #DEFAULT_DIALOG_BASE_URL}.
 *   <li>{@code META_API_VERSION}: the API version every call uses, e.g. {@code v24.0}. This is the
 *       one place it is read; the template parameter {@code MetaApiVersion} pins it. Required.
 *   <li>{@code META_APP_ID}: the app id (public). May be empty until the app is set up.
 *   <li>{@code META_APP_SECRET_ARN}: Secrets Manager secret holding the app secret, either the bare
 *       value or {@code {"appSecret": "..."}}; {@code {}} or empty means not configured.
 * </ul>
 *
 * A missing app id or secret is reported, as a {@link MetaConfigurationException}, by the call that
 * needs it, not at start-up, so functions that never call Meta still start. {@link #toString()}
 * never shows the secret.
 */
public record MetaSettings(
    String graphBaseUrl,
    String dialogBaseUrl,
    String apiVersion,
    String appId,
    Supplier<Optional<String>> appSecretSource) {

  public static final String DEFAULT_GRAPH_BASE_URL = "https://graph.facebook.com";
  public static final String DEFAULT_DIALOG_BASE_URL = "https://www.facebook.com";

  public static final String ENV_GRAPH_BASE_URL = "META_GRAPH_BASE_URL";
  public static final String ENV_DIALOG_BASE_URL = "META_DIALOG_BASE_URL";
  public static final String ENV_API_VERSION = "META_API_VERSION";
  public static final String ENV_APP_ID = "META_APP_ID";
  public static final String ENV_APP_SECRET_ARN = "META_APP_SECRET_ARN";

  /** The JSON field of the app secret when the secret is an object. */
  public static final String APP_SECRET_FIELD = "appSecret";

  private static final Pattern VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,2}");
  private static final Pattern APP_ID = Pattern.compile("\\d{1,32}");

  public MetaSettings {
    graphBaseUrl = baseUrl(ENV_GRAPH_BASE_URL, graphBaseUrl == null ? DEFAULT_GRAPH_BASE_URL : graphBaseUrl);
    dialogBaseUrl =
        baseUrl(ENV_DIALOG_BASE_URL, dialogBaseUrl == null ? DEFAULT_DIALOG_BASE_URL : dialogBaseUrl);
    if (apiVersion == null || !VERSION.matcher(apiVersion.strip()).matches()) {
      throw new MetaConfigurationException(
          ENV_API_VERSION + " must look like v24.0 (template parameter MetaApiVersion); got "
              + (apiVersion == null ? "nothing" : "'" + apiVersion + "'"));
    }
    apiVersion = apiVersion.strip();
    appId = appId == null ? "" : appId.strip();
    if (!appId.isEmpty() && !APP_ID.matcher(appId).matches()) {
      throw new MetaConfigurationException(ENV_APP_ID + " must be the numeric Meta app id; got '" + appId + "'");
    }
    appSecretSource = appSecretSource == null ? Optional::empty : appSecretSource;
  }

  /** Settings with a fixed app secret (tests, tools); null or blank means not configured. */
  public static MetaSettings of(
      String graphBaseUrl, String dialogBaseUrl, String apiVersion, String appId, String appSecret) {
    Optional<String> secret = Optional.ofNullable(appSecret).filter(s -> !s.isBlank());
    return new MetaSettings(graphBaseUrl, dialogBaseUrl, apiVersion, appId, () -> secret);
  }

  /** From the process environment; the app secret is read from Secrets Manager on first use. */
  public static MetaSettings fromEnvironment() {
    return from(System.getenv(), null);
  }

  /**
   * From {@code env}. The app secret comes from {@code META_APP_SECRET_ARN} through {@code secrets}
   * (a client built from the standard SDK environment when null, only if the ARN is set), cached
   * for {@link CachedSecret#DEFAULT_TTL}.
   */
  public static MetaSettings from(Map<String, String> env, SecretsManagerClient secrets) {
    String arn = blankToNull(env.get(ENV_APP_SECRET_ARN));
    Supplier<Optional<String>> secret;
    if (arn == null) {
      secret = Optional::empty;
    } else {
      SecretsManagerClient client =
          secrets != null ? secrets : SecretsManagerClient.builder().httpClient(AwsClients.http()).build();
      secret = new CachedSecret(client, arn, APP_SECRET_FIELD, CachedSecret.DEFAULT_TTL, Clock.systemUTC());
    }
    return new MetaSettings(
        blankToNull(env.get(ENV_GRAPH_BASE_URL)),
        blankToNull(env.get(ENV_DIALOG_BASE_URL)),
        env.get(ENV_API_VERSION),
        env.get(ENV_APP_ID),
        secret);
  }

  /**
   * The app id.
   *
   * @throws MetaConfigurationException when none is configured
   */
  public String requireAppId() {
    if (appId.isEmpty()) {
      throw new MetaConfigurationException(
          "No Meta app id is configured: set " + ENV_APP_ID + " (template parameter MetaAppId)");
    }
    return appId;
  }

  /**
   * The app secret, read through the secret source (cached there).
   *
   * @throws MetaConfigurationException when the secret is unset, empty or {@code {}}
   */
  public String requireAppSecret() {
    Optional<String> secret = appSecretSource.get();
    if (secret == null || secret.isEmpty() || secret.get().isBlank()) {
      throw new MetaConfigurationException(
          "No Meta app secret is configured: put it in the secret " + ENV_APP_SECRET_ARN
              + " names, as the bare value or {\"" + APP_SECRET_FIELD + "\": \"...\"}");
    }
    return secret.get();
  }

  /** {@code graphBaseUrl/apiVersion}, e.g. {@code https://graph.facebook.com/v24.0}. */
  public String versionedGraphUrl() {
    return graphBaseUrl + "/" + apiVersion;
  }

  @Override
  public String toString() {
    return "MetaSettings[graph=" + graphBaseUrl + ", dialog=" + dialogBaseUrl + ", version=" + apiVersion
        + ", appId=" + (appId.isEmpty() ? "(none)" : appId) + ", appSecret=***]";
  }

  private static String baseUrl(String name, String value) {
    String v = value.strip();
    while (v.endsWith("/")) {
      v = v.substring(0, v.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(v);
    } catch (IllegalArgumentException e) {
      throw new MetaConfigurationException(name + " is not a URL: '" + value + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new MetaConfigurationException(
          name + " must be an absolute http(s) URL without query or fragment; got '" + value + "'");
    }
    return v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

}
