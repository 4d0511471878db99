package com.aigency.local.runtime;

import com.aigency.local.template.FunctionDef;
import com.aigency.local.template.SqsSource;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Lambda's SQS event source mapping: polls each queue a function subscribes to, invokes it with
 * batches, deletes what succeeded. With ReportBatchItemFailures only the reported messages stay;
 * a failed invocation leaves the whole batch to reappear after the visibility timeout, and the
 * queue's redrive policy moves a message to its DLQ after maxReceiveCount receives.
 */
public final class SqsEventSources implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqsEventSources.class);

  private final SqsClient sqs;
  private final FunctionHost functions;
  private final LocalNames names;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> pollers = new ArrayList<>();

  public SqsEventSources(SqsClient sqs, FunctionHost functions, LocalNames names) {
    this.sqs = sqs;
    this.functions = functions;
    this.names = names;
  }

  public void start() {
    for (FunctionDef function : names.template().functions()) {
      for (var source : function.events()) {
        if (source instanceof SqsSource queue) {
          pollers.add(Thread.ofVirtual().name("sqs-" + function.logicalId()).start(() -> poll(function.logicalId(), queue)));
        }
      }
    }
  }

  public int subscriptions() {
    return pollers.size();
  }

  private void poll(String functionLogicalId, SqsSource source) {
    String queueUrl = names.queueUrl(source.queueLogicalId());
    String queueArn = names.getAtt(source.queueLogicalId(), "Arn").asText();
    while (running.get()) {
      try {
        List<Message> batch =
            sqs.receiveMessage(
                    ReceiveMessageRequest.builder()
                        .queueUrl(queueUrl)
                        .maxNumberOfMessages(Math.min(10, source.batchSize()))
                        .waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")
                        .build())
                .messages();
        if (!batch.isEmpty()) {
          deliver(functionLogicalId, source, queueUrl, queueArn, batch);
        }
      } catch (RuntimeException e) {
        if (running.get()) {
          LOG.warn("polling {} for {} failed: {}", queueUrl, functionLogicalId, e.toString());
          sleepQuietly();
        }
      }
    }
  }

  private void deliver(String functionLogicalId, SqsSource source, String queueUrl, String queueArn, List<Message> batch) {
    Set<String> failed = new HashSet<>();
    try {
      JsonNode response = Json.read(functions.invoke(functionLogicalId, Json.write(event(batch, queueArn))));
      if (source.reportBatchItemFailures() && response != null) {
        response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
      }
    } catch (FunctionError e) {
      LOG.warn("{} failed on a batch of {}; it will be retried after the visibility timeout", functionLogicalId, batch.size());
      return;
    }
    for (Message message : batch) {
      if (!failed.contains(message.messageId())) {
        sqs.deleteMessage(DeleteMessageRequest.builder().queueUrl(queueUrl).receiptHandle(message.receiptHandle()).build());
      }
    }
  }

  private static ObjectNode event(List<Message> batch, String queueArn) {
    ObjectNode event = Json.MAPPER.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message m : batch) {
      ObjectNode r = records.addObject();
      r.put("messageId", m.messageId());
      r.put("receiptHandle", m.receiptHandle());
      r.put("body", m.body());
      ObjectNode attributes = r.putObject("attributes");
      m.attributesAsStrings().forEach(attributes::put);
      ObjectNode messageAttributes = r.putObject("messageAttributes");
      m.messageAttributes().forEach((name, value) -> {
        ObjectNode a = messageAttributes.putObject(name);
        a.put("stringValue", value.stringValue());
        if (value.binaryValue() != null) {
          a.put("binaryValue", value.binaryValue().asByteArray());
        }
        a.putArray("stringListValues");
        a.putArray("binaryListValues");
        a.put("dataType", value.dataType());
      });
      r.put("md5OfBody", m.md5OfBody());
      r.put("eventSource", "aws:sqs");
      r.put("eventSourceARN", queueArn);
      r.put("awsRegion", LocalAccount.REGION);
    }
    return event;
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running.set(false);
    pollers.forEach(Thread::interrupt);
  }
}
