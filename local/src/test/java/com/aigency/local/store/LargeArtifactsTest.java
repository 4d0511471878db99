package com.aigency.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.runtime.LocalPorts;
import com.aigency.local.services.S3ProxyProcess;
import com.aigency.shared.aws.Blobs;
import com.aigency.shared.domain.Artifact;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.json.Json;
import com.aigency.shared.store.ArtifactStore;
import com.aigency.shared.store.PageRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** Artifact content too large for a DynamoDB item goes to the bucket (S3Proxy) and comes back whole. */
class LargeArtifactsTest {
  private static final LocalDynamo dynamo = LocalDynamo.shared();
  private static S3ProxyProcess s3proxy;
  private static S3Client s3;
  // steps a minute per read, so the second artifact's id sorts after the first (ids are time-ordered)
  private final Clock clock = new SteppingClock(java.time.Instant.parse("2026-11-23T09:00:00Z"), Duration.ofMinutes(1));

  @BeforeAll
  static void start() throws Exception {
    int port = LocalPorts.freePort();
    s3proxy = S3ProxyProcess.start(port, null, "local", "localsecret", Files.createTempDirectory("s3proxy"), Duration.ofSeconds(60));
    s3 = S3Client.builder().endpointOverride(URI.create(s3proxy.endpoint())).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "localsecret")))
        .httpClient(UrlConnectionHttpClient.create()).build();
    s3.createBucket(b -> b.bucket("artifacts-test"));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
    s3proxy.close();
  }

  private static ObjectNode contentOf(int bytes) {
    return Json.MAPPER.createObjectNode().put("html", "x".repeat(bytes));
  }

  @Test
  void smallContentStaysInTheItemLargeContentGoesToTheBucketAndBothReadBack() {
    String table = dynamo.freshTable();
    ArtifactStore store = new ArtifactStore(dynamo.client, table, new Blobs(s3, "artifacts-test"));
    String tenant = Ids.newId("t", clock);
    String project = Ids.newId("p", clock);
    Artifact small = new Artifact(Ids.newId("a", clock), tenant, project, Artifact.Type.REPORT, "small", contentOf(100), clock.instant());
    Artifact large = new Artifact(Ids.newId("a", clock), tenant, project, Artifact.Type.REPORT, "large",
        contentOf(ArtifactStore.INLINE_LIMIT_BYTES * 4), clock.instant());
    store.save(small);
    store.save(large);

    var items = store.list(tenant, project, Artifact.Type.REPORT, PageRequest.first(10)).items();
    assertThat(items).extracting(Artifact::title).containsExactly("large", "small");
    assertThat(items.get(0).content()).isEqualTo(large.content());
    assertThat(items.get(1).content()).isEqualTo(small.content());

    Map<String, AttributeValue> largeItem = dynamo.client.getItem(r -> r.tableName(table).key(Map.of(
        "PK", AttributeValue.fromS("T#" + tenant + "#P#" + project),
        "SK", AttributeValue.fromS("ARTIFACT#REPORT#" + large.id())))).item();
    assertThat(largeItem).doesNotContainKey("content").containsKey("contentKey");
    assertThat(s3.getObjectAsBytes(b -> b.bucket("artifacts-test").key(largeItem.get("contentKey").s())).asUtf8String())
        .isEqualTo(Json.write(large.content()));
  }

  @Test
  void withoutABucketLargeContentIsRefusedAndNothingIsWritten() {
    String table = dynamo.freshTable();
    ArtifactStore store = new ArtifactStore(dynamo.client, table);
    String tenant = Ids.newId("t", clock);
    String project = Ids.newId("p", clock);
    Artifact large = new Artifact(Ids.newId("a", clock), tenant, project, Artifact.Type.REPORT, "large",
        contentOf(ArtifactStore.INLINE_LIMIT_BYTES + 1), clock.instant());
    assertThatThrownBy(() -> store.save(large)).hasMessageContaining("needs the artifact bucket");
    assertThat(store.list(tenant, project, Artifact.Type.REPORT, PageRequest.first(10)).items()).isEmpty();
  }
}
