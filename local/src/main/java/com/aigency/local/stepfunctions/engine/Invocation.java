package com.aigency.local.stepfunctions.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Task's resource call, captured under the execution's lock and made outside it.
 *
 * @param generation the branch generation when it was made; the answer is ignored if the branch has
 *     moved on (timed out, aborted) in the meantime
 */
record Invocation(
    String executionArn,
    String branchId,
    long generation,
    ResourceRef ref,
    JsonNode parameters,
    JsonNode context) {}
