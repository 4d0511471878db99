package com.aigency.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.campaigns.deploy.DeployStep;
import com.aigency.shared.meta.MetaGraph;
import java.io.StringWriter;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

/** What a deployment logs, through success, a rate limit, a 190 and the cleanup, holds no secret. */
class DeploymentLogsTest {

  @Test
  void noTokenAppSecretOrProofReachesALogLine() throws Exception {
    StringWriter logs = new StringWriter();
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    String name = "deploy-capture-" + System.nanoTime();
    WriterAppender appender = WriterAppender.createAppender(
        PatternLayout.newBuilder().withPattern("%level %logger %msg %X %throwable%n").build(), null, logs, name, false, true);
    appender.start();
    List<LoggerConfig> configs = List.of(context.getConfiguration().getRootLogger(),
        context.getConfiguration().getLoggerConfig("com.aigency.shared"));
    List<Level> levels = configs.stream().map(LoggerConfig::getLevel).toList();
    for (LoggerConfig c : configs) {
      c.addAppender(appender, Level.ALL, null);
      c.setLevel(Level.ALL);
    }
    context.updateLoggers();
    String token;
    try (DeployFixture f = new DeployFixture()) {
      token = f.token().value();
      String id = f.deployable();
      f.runAll(id, DeployStep.CAMPAIGN);
      f.fault("{\"match\":{\"method\":\"POST\",\"pathContains\":\"/adsets\"},\"kind\":\"rateLimit\",\"blockSeconds\":600}");
      assertThatThrownBy(() -> f.run(id, DeployStep.AD_SETS)).isInstanceOf(Meta.RateLimited.class);
      f.clock.advance(java.time.Duration.ofSeconds(601));
      f.runAll(id, DeployStep.AD_SETS, DeployStep.IMAGES);
      f.fault("{\"match\":{\"pathContains\":\"/adcreatives\"},\"kind\":\"tokenInvalid\",\"times\":5}");
      assertThatThrownBy(() -> f.run(id, DeployStep.CREATIVES)).isInstanceOf(Meta.TokenInvalid.class);
      f.cleanup.pauseEverything(f.tenant, id);
    } finally {
      for (int i = 0; i < configs.size(); i++) {
        configs.get(i).removeAppender(name);
        configs.get(i).setLevel(levels.get(i));
      }
      context.updateLoggers();
    }
    String logged = logs.toString();
    assertThat(logged).contains("Deploy step CAMPAIGN").contains("Meta.RateLimited").contains("Meta.TokenInvalid");
    assertThat(logged).doesNotContain(token).doesNotContain(DeployFixture.APP_SECRET)
        .doesNotContain(MetaGraph.appSecretProof(DeployFixture.APP_SECRET, token));
  }
}
