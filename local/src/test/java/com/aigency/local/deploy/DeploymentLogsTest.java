package com.aigency.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.local.testing.LogCapture;
import com.aigency.shared.campaigns.deploy.DeployStep;
import com.aigency.shared.meta.MetaGraph;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What a deployment logs, through success, a rate limit, a 190 and the cleanup, holds no secret. */
class DeploymentLogsTest {

  @Test
  void noTokenAppSecretOrProofReachesALogLine() throws Exception {
    StringWriter logs = new StringWriter();
    String token;
    try (LogCapture capture = LogCapture.attach(logs, "com.aigency.shared"); DeployFixture f = new DeployFixture()) {
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
    }
    String logged = logs.toString();
    assertThat(logged).contains("Deploy step CAMPAIGN").contains("Meta.RateLimited").contains("Meta.TokenInvalid");
    assertThat(logged).doesNotContain(token).doesNotContain(DeployFixture.APP_SECRET)
        .doesNotContain(MetaGraph.appSecretProof(DeployFixture.APP_SECRET, token));
  }
}
