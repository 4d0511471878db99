package com.aigency.shared.facebook;

import com.aigency.shared.aws.AwsClients;
import com.aigency.shared.aws.CachedSecret;
import com.aigency.shared.config.AppClock;
import com.aigency.shared.config.AppConfig;
import com.aigency.shared.meta.MetaOAuth;
import com.aigency.shared.notifications.NotificationService;
import com.aigency.shared.store.FacebookConnectionStore;
import com.aigency.shared.store.NotificationStore;
import com.aigency.shared.store.OAuthStateStore;
import com.aigency.shared.store.ProjectStore;
import com.aigency.shared.vault.TokenVault;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Meta-connection use cases wired from their collaborators; {@link #fromEnvironment()} builds
 * the real clients once per container. Secrets and KMS are only called when a use case needs them.
 */
public record FacebookServices(
    FacebookConnect connect, AdAccountSelection adAccounts, TokenCheck tokenCheck, ConnectionAlerts alerts) {

  /** Environment variable naming the secret whose value signs OAuth state (template.yaml Globals). */
  public static final String SIGNING_SECRET_ENV = "SIGNING_SECRET_ARN";

  public static FacebookServices fromEnvironment() {
    String table = AppConfig.fromEnvironment().tableName();
    String signingSecret = System.getenv(SIGNING_SECRET_ENV);
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalStateException("Environment variable " + SIGNING_SECRET_ENV + " is not set");
    }
    var secrets = SecretsManagerClient.builder().httpClient(AwsClients.http()).build();
    var signingKey = new CachedSecret(secrets, signingSecret, "signingKey");
    return wire(AwsClients.dynamoDb(), table, () -> signingKey.value()
            .orElseThrow(() -> new IllegalStateException("The OAuth state signing secret is empty")),
        MetaOAuth.fromEnvironment(), TokenVault.fromEnvironment(), AppClock.system());
  }

  public static FacebookServices wire(DynamoDbClient dynamo, String table, Supplier<String> signingKey,
      MetaOAuth meta, TokenVault vault, Clock clock) {
    var projects = new ProjectStore(dynamo, table);
    var connections = new FacebookConnectionStore(dynamo, table);
    var alerts = new ConnectionAlerts(connections,
        new NotificationService(new NotificationStore(dynamo, table), clock), clock);
    return new FacebookServices(
        new FacebookConnect(projects, new OAuthStateStore(dynamo, table), new OAuthStateCodec(signingKey),
            connections, meta, vault, clock),
        new AdAccountSelection(projects, connections, meta, vault, alerts, clock),
        new TokenCheck(connections, meta, vault, alerts),
        alerts);
  }
}
