package com.aigency.local.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * One service's state as a JSON file in a data directory, replaced atomically on every save
 * (written to a temporary file, then moved over the old one) so that a crash never leaves half a
 * file. Without a directory it keeps nothing: the service runs in memory.
 */
public final class JsonStateFile<T> {

  private final Path file;
  private final Class<T> type;

  /**
   * @param dataDirectory where the file lives, created if missing; null for in-memory only
   * @param fileName e.g. {@code kms.json}
   */
  public JsonStateFile(Path dataDirectory, String fileName, Class<T> type) {
    this.type = type;
    if (dataDirectory == null) {
      this.file = null;
      return;
    }
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDirectory, e);
    }
    this.file = dataDirectory.resolve(fileName);
  }

  /**
   * The saved state; empty when in memory or nothing was saved yet. A corrupt file fails loudly.
   */
  public Optional<T> load() {
    if (file == null || !Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(AwsJson.MAPPER.readValue(file.toFile(), type));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read local AWS state " + file, e);
    }
  }

  public synchronized void save(T state) {
    if (file == null) {
      return;
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.write(temp, AwsJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write local AWS state " + file, e);
    }
  }
}
