package com.aigency.local.testing;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures every log line, at every level, of the root logger and the named loggers' configs into
 * a writer, for tests that scan logs for secrets. The configs' own appenders are detached meanwhile
 * so the build log is not flooded with DEBUG output; {@link #close()} restores everything.
 */
public final class LogCapture implements AutoCloseable {
  private final List<LoggerConfig> configs;
  private final List<Level> levels;
  private final List<Map<String, Appender>> detached;
  private final String name;

  private LogCapture(List<LoggerConfig> configs, List<Level> levels, List<Map<String, Appender>> detached, String name) {
    this.configs = configs;
    this.levels = levels;
    this.detached = detached;
    this.name = name;
  }

  public static LogCapture attach(StringWriter target, String... loggerNames) {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    String name = "capture-" + System.nanoTime();
    WriterAppender appender = WriterAppender.createAppender(
        PatternLayout.newBuilder().withPattern("%level %logger %msg %X %throwable%n").build(), null, target, name, false, true);
    appender.start();
    Set<LoggerConfig> configs = new LinkedHashSet<>();
    configs.add(context.getConfiguration().getRootLogger());
    for (String logger : loggerNames) {
      configs.add(context.getConfiguration().getLoggerConfig(logger));
    }
    List<Level> levels = new ArrayList<>();
    List<Map<String, Appender>> detached = new ArrayList<>();
    for (LoggerConfig config : configs) {
      levels.add(config.getLevel());
      Map<String, Appender> own = new LinkedHashMap<>(config.getAppenders());
      own.keySet().forEach(config::removeAppender);
      detached.add(own);
      config.addAppender(appender, Level.ALL, null);
      config.setLevel(Level.ALL);
    }
    context.updateLoggers();
    return new LogCapture(List.copyOf(configs), levels, detached, name);
  }

  @Override
  public void close() {
    for (int i = 0; i < configs.size(); i++) {
      LoggerConfig config = configs.get(i);
      config.removeAppender(name);
      config.setLevel(levels.get(i));
      detached.get(i).values().forEach(a -> config.addAppender(a, null, null));
    }
    ((LoggerContext) LogManager.getContext(false)).updateLoggers();
  }
}
