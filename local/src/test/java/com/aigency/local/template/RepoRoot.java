package com.aigency.local.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: the folder holding template.yaml. */
final class RepoRoot {

  private RepoRoot() {}

  static Path find() {
    String configured = System.getProperty("aigency.repo.root");
    if (configured != null && !configured.isBlank()) {
      Path root = Path.of(configured).toAbsolutePath().normalize();
      if (!Files.isRegularFile(root.resolve("template.yaml"))) {
        throw new IllegalStateException("aigency.repo.root=" + root + " holds no template.yaml");
      }
      return root;
    }
    // Running from an IDE without surefire's system property: walk up from the working directory.
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no template.yaml above " + Path.of("").toAbsolutePath() + "; set -Daigency.repo.root");
  }
}
