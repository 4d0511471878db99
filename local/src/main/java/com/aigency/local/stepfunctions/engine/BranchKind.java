package com.aigency.local.stepfunctions.engine;

/** What a branch of control is: the execution's top level, a Parallel branch or a Map iteration. */
enum BranchKind {
  ROOT,
  PARALLEL_BRANCH,
  MAP_ITERATION
}
