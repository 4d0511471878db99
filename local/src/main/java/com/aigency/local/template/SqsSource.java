package com.aigency.local.template;

/**
 * An {@code SQS} event source mapping.
 *
 * @param queueLogicalId the queue named by {@code Queue: !GetAtt <Queue>.Arn}
 * @param batchSize BatchSize, 10 when omitted (the Lambda default for SQS)
 * @param reportBatchItemFailures FunctionResponseTypes contains ReportBatchItemFailures
 */
public record SqsSource(
    String eventName, String queueLogicalId, int batchSize, boolean reportBatchItemFailures)
    implements EventSourceDef {}
