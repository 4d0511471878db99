package com.aigency.local.aws.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.aws.AwsJsonServer;
import com.aigency.local.aws.SdkClients;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

class LocalSecretsManagerTest {

  @TempDir Path dataDirectory;

  private LocalSecretsManager localSecrets;
  private AwsJsonServer server;
  private SecretsManagerClient secrets;

  @BeforeEach
  void start() throws IOException {
    localSecrets = new LocalSecretsManager(Clock.systemUTC(), dataDirectory);
    server = AwsJsonServer.start(0).register(localSecrets);
    secrets = SdkClients.secretsManager(server);
  }

  @AfterEach
  void stop() {
    secrets.close();
    server.close();
  }

  @Test
  void createThenGetByNameAndByArn() {
    CreateSecretResponse created =
        secrets.createSecret(r -> r.name("aigency/openai").secretString("{\"apiKey\":\"sk-1\"}"));

    assertThat(created.name()).isEqualTo("aigency/openai");
    assertThat(created.arn())
        .matches(
            "arn:aws:secretsmanager:us-east-1:000000000000:secret:aigency/openai-[A-Za-z0-9]{6}");
    assertThat(created.versionId()).isNotBlank();

    GetSecretValueResponse byName = secrets.getSecretValue(r -> r.secretId("aigency/openai"));
    GetSecretValueResponse byArn = secrets.getSecretValue(r -> r.secretId(created.arn()));
    for (GetSecretValueResponse value : List.of(byName, byArn)) {
      assertThat(value.secretString()).isEqualTo("{\"apiKey\":\"sk-1\"}");
      assertThat(value.arn()).isEqualTo(created.arn());
      assertThat(value.versionId()).isEqualTo(created.versionId());
      assertThat(value.versionStages()).containsExactly("AWSCURRENT");
      assertThat(value.createdDate()).isNotNull();
    }
  }

  @Test
  void binarySecretsRoundTrip() {
    byte[] bytes = {0, 1, 2, (byte) 0xff};
    secrets.createSecret(r -> r.name("binary").secretBinary(SdkBytes.fromByteArray(bytes)));

    GetSecretValueResponse value = secrets.getSecretValue(r -> r.secretId("binary"));
    assertThat(value.secretBinary().asByteArray()).isEqualTo(bytes);
    assertThat(value.secretString()).isNull();
  }

  @Test
  void putSecretValueMakesANewCurrentVersionAndTheOldOnePrevious() {
    String first = secrets.createSecret(r -> r.name("meta/app").secretString("v1")).versionId();
    PutSecretValueResponse second =
        secrets.putSecretValue(r -> r.secretId("meta/app").secretString("v2"));
    assertThat(second.versionStages()).containsExactly("AWSCURRENT");

    assertThat(secrets.getSecretValue(r -> r.secretId("meta/app")).secretString()).isEqualTo("v2");
    GetSecretValueResponse previous =
        secrets.getSecretValue(r -> r.secretId("meta/app").versionStage("AWSPREVIOUS"));
    assertThat(previous.secretString()).isEqualTo("v1");
    assertThat(previous.versionId()).isEqualTo(first);
    assertThat(secrets.getSecretValue(r -> r.secretId("meta/app").versionId(first)).secretString())
        .isEqualTo("v1");

    String third =
        secrets.putSecretValue(r -> r.secretId("meta/app").secretString("v3")).versionId();
    DescribeSecretResponse described = secrets.describeSecret(r -> r.secretId("meta/app"));
    assertThat(described.versionIdsToStages())
        .containsEntry(third, List.of("AWSCURRENT"))
        .containsEntry(second.versionId(), List.of("AWSPREVIOUS"))
        .containsEntry(first, List.of());
    assertThat(secrets.getSecretValue(r -> r.secretId("meta/app").versionId(first)).versionStages())
        .isEmpty();
  }

  @Test
  void aRetriedPutWithTheSameTokenIsAppliedOnce() {
    secrets.createSecret(r -> r.name("idempotent").secretString("v1"));
    String token = UUID.randomUUID().toString();

    String once =
        secrets
            .putSecretValue(
                r -> r.secretId("idempotent").secretString("v2").clientRequestToken(token))
            .versionId();
    String twice =
        secrets
            .putSecretValue(
                r -> r.secretId("idempotent").secretString("v2").clientRequestToken(token))
            .versionId();

    assertThat(twice).isEqualTo(once);
    assertThat(
            secrets
                .getSecretValue(r -> r.secretId("idempotent").versionStage("AWSPREVIOUS"))
                .secretString())
        .isEqualTo("v1");
    assertThatThrownBy(
            () ->
                secrets.putSecretValue(
                    r -> r.secretId("idempotent").secretString("other").clientRequestToken(token)))
        .isInstanceOf(ResourceExistsException.class);
  }

  @Test
  void describeSecretReportsMetadata() {
    secrets.createSecret(
        r ->
            r.name("described")
                .description("for tests")
                .kmsKeyId("alias/aigency-data")
                .secretString("x")
                .tags(t -> t.key("app").value("aigency")));

    DescribeSecretResponse described = secrets.describeSecret(r -> r.secretId("described"));
    assertThat(described.name()).isEqualTo("described");
    assertThat(described.description()).isEqualTo("for tests");
    assertThat(described.kmsKeyId()).isEqualTo("alias/aigency-data");
    assertThat(described.createdDate()).isNotNull();
    assertThat(described.lastChangedDate()).isNotNull();
    assertThat(described.tags())
        .singleElement()
        .satisfies(tag -> assertThat(tag.value()).isEqualTo("aigency"));
  }

  @Test
  void errorsAreTheOnesSecretsManagerAnswers() {
    secrets.createSecret(r -> r.name("exists").secretString("x"));
    secrets.createSecret(r -> r.name("empty"));

    assertThatThrownBy(() -> secrets.getSecretValue(r -> r.secretId("missing")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> secrets.putSecretValue(r -> r.secretId("missing").secretString("x")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () -> secrets.getSecretValue(r -> r.secretId("exists").versionStage("AWSPREVIOUS")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> secrets.getSecretValue(r -> r.secretId("empty")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> secrets.createSecret(r -> r.name("exists").secretString("y")))
        .isInstanceOf(ResourceExistsException.class);
    assertThatThrownBy(
            () ->
                secrets.createSecret(
                    r ->
                        r.name("both")
                            .secretString("x")
                            .secretBinary(SdkBytes.fromUtf8String("y"))))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> secrets.putSecretValue(r -> r.secretId("exists")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void upsertCreatesOrAddsAVersionOnlyWhenTheValueChanged() {
    String arn = localSecrets.upsertSecretString("runner/key", "a");
    assertThat(localSecrets.upsertSecretString("runner/key", "a")).isEqualTo(arn);
    assertThat(secrets.describeSecret(r -> r.secretId("runner/key")).versionIdsToStages())
        .hasSize(1);

    localSecrets.upsertSecretString("runner/key", "b");
    assertThat(secrets.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("b");
    assertThat(
            secrets.getSecretValue(r -> r.secretId(arn).versionStage("AWSPREVIOUS")).secretString())
        .isEqualTo("a");
  }

  @Test
  void secretsAndVersionsSurviveARestartOnTheSameDirectory() throws IOException {
    String arn = localSecrets.createSecret("kept", "v1");
    secrets.putSecretValue(r -> r.secretId("kept").secretString("v2"));

    LocalSecretsManager restarted = new LocalSecretsManager(Clock.systemUTC(), dataDirectory);
    try (AwsJsonServer server2 = AwsJsonServer.start(0).register(restarted);
        SecretsManagerClient secrets2 = SdkClients.secretsManager(server2)) {
      assertThat(secrets2.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("v2");
      assertThat(
              secrets2
                  .getSecretValue(r -> r.secretId("kept").versionStage("AWSPREVIOUS"))
                  .secretString())
          .isEqualTo("v1");
      assertThatThrownBy(() -> secrets2.createSecret(r -> r.name("kept").secretString("again")))
          .isInstanceOf(ResourceExistsException.class);
    }
  }
}
