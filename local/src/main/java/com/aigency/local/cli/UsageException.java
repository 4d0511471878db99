package com.aigency.local.cli;

/** The command line was wrong; the message says how. Exit code 2. */
final class UsageException extends Exception {
  UsageException(String message) {
    super(message);
  }
}
