package com.aigency.shared.campaigns.deploy;

import com.aigency.shared.aws.AwsClients;
import com.aigency.shared.config.AppClock;
import com.aigency.shared.config.AppConfig;
import com.aigency.shared.facebook.ConnectionAlerts;
import com.aigency.shared.meta.MetaAds;
import com.aigency.shared.meta.MetaGraph;
import com.aigency.shared.notifications.NotificationService;
import com.aigency.shared.store.CampaignStore;
import com.aigency.shared.store.FacebookConnectionStore;
import com.aigency.shared.store.NotificationStore;
import com.aigency.shared.vault.TokenVault;
import java.time.Clock;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The deployment use cases wired from their collaborators; {@link #fromEnvironment} builds the
 * real clients once per container (TABLE_NAME, TOKEN_KEY_ID, META_* as template.yaml sets them).
 * KMS and Secrets Manager are called only when a step opens the token or signs a Meta call.
 */
public record DeployServices(CampaignDeployer deployer, DeploymentCleanup cleanup) {

  /**
   * @param approvalGate builds the gate over the approval records from the table's client and name
   */
  public static DeployServices fromEnvironment(BiFunction<DynamoDbClient, String, ApprovalGate> approvalGate) {
    String table = AppConfig.fromEnvironment().tableName();
    DynamoDbClient dynamo = AwsClients.dynamoDb();
    return wire(dynamo, table, new MetaAds(MetaGraph.fromEnvironment()), TokenVault.fromEnvironment(),
        approvalGate.apply(dynamo, table), AppClock.system(), DeploymentObserver.NONE);
  }

  public static DeployServices wire(DynamoDbClient dynamo, String table, MetaAds meta, TokenVault vault,
      ApprovalGate approvalGate, Clock clock, DeploymentObserver observer) {
    var campaigns = new CampaignStore(dynamo, table);
    var connections = new FacebookConnectionStore(dynamo, table);
    var alerts = new ConnectionAlerts(connections, new NotificationService(new NotificationStore(dynamo, table), clock), clock);
    return new DeployServices(
        new CampaignDeployer(campaigns, connections, vault, meta, approvalGate, alerts, clock, observer),
        new DeploymentCleanup(campaigns, connections, vault, meta, alerts));
  }
}
