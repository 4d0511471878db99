package com.aigency.shared.campaigns.launch;

import com.aigency.shared.aws.AwsClients;
import com.aigency.shared.aws.Blobs;
import com.aigency.shared.aws.Workflows;
import com.aigency.shared.config.AppClock;
import com.aigency.shared.config.AppConfig;
import com.aigency.shared.notifications.NotificationService;
import com.aigency.shared.store.ApprovalStore;
import com.aigency.shared.store.ArtifactStore;
import com.aigency.shared.store.CampaignStore;
import com.aigency.shared.store.ConversationStore;
import com.aigency.shared.store.FacebookConnectionStore;
import com.aigency.shared.store.IdempotencyStore;
import com.aigency.shared.store.NotificationStore;
import com.aigency.shared.store.ProjectStore;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The launch use cases the API serves, wired once per container. */
public record LaunchServices(CampaignLaunch launch, ApprovalDecisions decisions) {

  public static LaunchServices fromEnvironment() {
    String arn = System.getenv(CampaignLaunch.STATE_MACHINE_ENV);
    if (arn == null || arn.isBlank()) {
      throw new IllegalStateException("Environment variable " + CampaignLaunch.STATE_MACHINE_ENV + " is not set");
    }
    return wire(AwsClients.dynamoDb(), AppConfig.fromEnvironment().tableName(), Workflows.fromEnvironment(), arn,
        AppClock.system());
  }

  public static LaunchServices wire(DynamoDbClient dynamo, String table, Workflows workflows, String stateMachineArn, Clock clock) {
    return new LaunchServices(
        new CampaignLaunch(new ProjectStore(dynamo, table), new FacebookConnectionStore(dynamo, table),
            new CampaignStore(dynamo, table), new IdempotencyStore(dynamo, table), workflows, stateMachineArn, clock),
        new ApprovalDecisions(new ApprovalStore(dynamo, table), workflows, clock));
  }

  /** The workflow's own steps, with what pauses a failed deployment's objects. */
  public static LaunchSteps steps(DynamoDbClient dynamo, String table, Blobs blobs, LaunchSteps.DeploymentPauser pauser,
      Clock clock) {
    return new LaunchSteps(new CampaignStore(dynamo, table), new ApprovalStore(dynamo, table), feed(dynamo, table, blobs, clock),
        pauser, clock);
  }

  /** As {@link #steps} from the environment, for steps that never pause anything. */
  public static LaunchSteps stepsFromEnvironment(LaunchSteps.DeploymentPauser pauser) {
    return steps(AwsClients.dynamoDb(), AppConfig.fromEnvironment().tableName(), Blobs.fromEnvironment(), pauser,
        AppClock.system());
  }

  /** The feed the workflow steps write to; {@code blobs} null keeps only small artifacts. */
  public static ProjectFeed feed(DynamoDbClient dynamo, String table, Blobs blobs, Clock clock) {
    return new ProjectFeed(new ConversationStore(dynamo, table), new ArtifactStore(dynamo, table, blobs),
        new NotificationService(new NotificationStore(dynamo, table), clock), clock);
  }
}
