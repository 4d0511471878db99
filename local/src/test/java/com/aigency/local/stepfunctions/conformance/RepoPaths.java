package com.aigency.local.stepfunctions.conformance;

import com.aigency.local.runtime.LocalLauncher;
import java.nio.file.Path;

/** Where the suite's files are in the repository. */
final class RepoPaths {

  private RepoPaths() {}

  static Path repoRoot() {
    return LocalLauncher.repoRoot();
  }

  /** The npm project with aws-local-stepfunctions and asl-validator. */
  static Path nodeProject() {
    return repoRoot().resolve("local/src/test/node");
  }
}
