package com.aigency.local.runtime;

import com.aigency.local.template.TemplateResource;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates what template.yaml declares in the local services, through their real APIs. Idempotent:
 * on a data folder that survived a restart, existing tables and buckets are kept as they are.
 */
final class ResourceProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceProvisioner.class);

  private final LocalNames names;

  ResourceProvisioner(LocalNames names) {
    this.names = names;
  }

  void createTables(DynamoDbClient dynamo) {
    for (TemplateResource table : names.template().resourcesOfType("AWS::DynamoDB::Table")) {
      String name = names.tableName(table.logicalId());
      JsonNode p = names.resolve(table.properties());
      var request =
          CreateTableRequest.builder()
              .tableName(name)
              .billingMode(BillingMode.PAY_PER_REQUEST)
              .attributeDefinitions(list(p.path("AttributeDefinitions"), a ->
                  AttributeDefinition.builder().attributeName(a.path("AttributeName").asText()).attributeType(a.path("AttributeType").asText()).build()))
              .keySchema(keySchema(p.path("KeySchema")));
      if (p.has("GlobalSecondaryIndexes")) {
        request.globalSecondaryIndexes(list(p.path("GlobalSecondaryIndexes"), g ->
            GlobalSecondaryIndex.builder()
                .indexName(g.path("IndexName").asText())
                .keySchema(keySchema(g.path("KeySchema")))
                .projection(Projection.builder().projectionType(g.path("Projection").path("ProjectionType").asText("ALL")).build())
                .build()));
      }
      try {
        dynamo.createTable(request.build());
        LOG.info("created table {}", name);
      } catch (ResourceInUseException exists) {
        LOG.info("kept existing table {}", name);
      }
      JsonNode ttl = p.path("TimeToLiveSpecification");
      if (ttl.path("Enabled").asBoolean(false)) {
        try {
          dynamo.updateTimeToLive(UpdateTimeToLiveRequest.builder()
              .tableName(name)
              .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(ttl.path("AttributeName").asText()).enabled(true).build())
              .build());
        } catch (RuntimeException alreadyEnabled) {
          LOG.debug("TTL on {} already set: {}", name, alreadyEnabled.getMessage());
        }
      }
    }
  }

  /** Dead-letter queues first, so a redrive policy always names a queue that exists. */
  void createQueues(SqsClient sqs) {
    List<TemplateResource> queues = new ArrayList<>(names.template().resourcesOfType("AWS::SQS::Queue"));
    queues.sort((a, b) -> Boolean.compare(a.properties().has("RedrivePolicy"), b.properties().has("RedrivePolicy")));
    for (TemplateResource queue : queues) {
      JsonNode p = names.resolve(queue.properties());
      Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
      copy(p, "VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT, attributes);
      copy(p, "MessageRetentionPeriod", QueueAttributeName.MESSAGE_RETENTION_PERIOD, attributes);
      copy(p, "DelaySeconds", QueueAttributeName.DELAY_SECONDS, attributes);
      copy(p, "ReceiveMessageWaitTimeSeconds", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, attributes);
      if (p.has("RedrivePolicy")) {
        attributes.put(QueueAttributeName.REDRIVE_POLICY, p.get("RedrivePolicy").toString());
      }
      if (p.path("FifoQueue").asBoolean(false)) {
        attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
      }
      String url = sqs.createQueue(CreateQueueRequest.builder().queueName(names.queueName(queue.logicalId())).attributes(attributes).build()).queueUrl();
      String expected = names.queueUrl(queue.logicalId());
      if (!url.equals(expected)) {
        throw new IllegalStateException("Queue " + queue.logicalId() + " got URL " + url + " but functions were told " + expected);
      }
    }
  }

  void createBuckets(S3Client s3) {
    for (TemplateResource bucket : names.template().resourcesOfType("AWS::S3::Bucket")) {
      String name = names.bucketName(bucket.logicalId());
      try {
        s3.createBucket(b -> b.bucket(name));
        LOG.info("created bucket {}", name);
      } catch (BucketAlreadyOwnedByYouException exists) {
        LOG.info("kept existing bucket {}", name);
      } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
        if (e.statusCode() != 409) {
          throw e;
        }
      }
    }
  }

  private static void copy(JsonNode p, String property, QueueAttributeName name, Map<QueueAttributeName, String> out) {
    if (p.has(property)) {
      out.put(name, p.get(property).asText());
    }
  }

  private static List<KeySchemaElement> keySchema(JsonNode node) {
    return list(node, k -> KeySchemaElement.builder().attributeName(k.path("AttributeName").asText()).keyType(k.path("KeyType").asText()).build());
  }

  private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> mapper) {
    List<T> out = new ArrayList<>();
    array.forEach(n -> out.add(mapper.apply(n)));
    return out;
  }
}
