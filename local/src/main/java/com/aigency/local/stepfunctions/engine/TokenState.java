package com.aigency.local.stepfunctions.engine;

/**
 * A task token an execution issued.
 *
 * @param open false once the task it stands for closed (answered, failed, timed out, aborted): a
 *     closed token is answered with TaskTimedOut
 */
record TokenState(String branchId, boolean open) {}
