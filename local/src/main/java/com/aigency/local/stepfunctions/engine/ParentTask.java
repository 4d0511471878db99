package com.aigency.local.stepfunctions.engine;

/**
 * The {@code .sync}/{@code .sync:2} Task that started a child execution and waits for it.
 *
 * @param generation the task attempt that waits, so a late answer to an older attempt is ignored
 */
record ParentTask(String executionArn, String branchId, long generation, boolean jsonOutput) {}
