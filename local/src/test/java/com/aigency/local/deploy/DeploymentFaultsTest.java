package com.aigency.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.campaigns.deploy.DeployStep;
import com.aigency.shared.campaigns.deploy.DeploymentObserver;
import com.aigency.shared.campaigns.deploy.StepResult;
import com.aigency.shared.domain.FacebookConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault runs of issue 6 against the simulator: a rate limit at every step in turn, a 5xx after
 * the campaign and ad sets exist, a "crash" between Meta creating an object and the id being
 * recorded, and a 190 midway. Each ends ACTIVE without duplicates, or stopped with everything
 * paused; none leaves an object unrecorded.
 */
class DeploymentFaultsTest {
  private DeployFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new DeployFixture();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private void runBefore(String id, DeployStep step) {
    for (DeployStep s : DeployStep.values()) {
      if (s.ordinal() < step.ordinal()) {
        f.run(id, s);
      }
    }
  }

  /** Once the step has created its first object, run {@code action} (before the id is recorded). */
  private void afterFirstCreated(DeployStep step, ThrowingRunnable action) {
    AtomicBoolean done = new AtomicBoolean();
    f.observer = (s, key, metaId) -> {
      if (s == step && done.compareAndSet(false, true)) {
        try {
          action.run();
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @ParameterizedTest
  @EnumSource(DeployStep.class)
  void aRateLimitAtEveryStepStopsTheStepAndItsRetryLaterFinishesWithoutDuplicates(DeployStep step) throws Exception {
    String id = f.deployable();
    runBefore(id, step);
    // a ten-minute block: longer than a Lambda may wait inline, so the step hands the wait to ASL
    String block = "\"kind\":\"rateLimit\",\"code\":80004,\"blockSeconds\":600";
    switch (step) {
      case CAMPAIGN -> f.fault("{\"match\":{\"method\":\"POST\",\"pathContains\":\"/campaigns\"}," + block + "}");
      case ACTIVATE -> f.fault("{\"match\":{\"method\":\"POST\",\"pathContains\":\"/"
          + f.record(id).deployment().adSets().get("s1") + "\"}," + block + "}");
      default -> afterFirstCreated(step, () -> f.fault("{\"match\":{\"pathContains\":\"/" + DeployFixture.VERSION + "/\"},"
          + block + "}"));
    }
    int before = f.objectCount();
    assertThatThrownBy(() -> f.run(id, step)).isInstanceOf(Meta.RateLimited.class)
        .hasMessageContaining("Meta.RateLimited");
    f.observer = DeploymentObserver.NONE;
    f.assertAllRecorded(id);
    if (step == DeployStep.ACTIVATE) {
      // the ads were switched on, the ad set refused: the campaign, switched last, is still paused
      assertThat(f.objects("campaign")).singleElement()
          .satisfies(c -> assertThat(c.path("status").asText()).isEqualTo("PAUSED"));
    } else {
      f.assertNothingActive();
    }
    if (step == DeployStep.CAMPAIGN) {
      assertThat(f.objectCount()).isEqualTo(before);
    } else if (step != DeployStep.ACTIVATE) {
      assertThat(f.objectCount()).as("one object of the step was made before the limit").isEqualTo(before + 1);
    }
    assertThat(f.record(id).deployment().activated()).isFalse();

    // what ASL's Retry does: wait, then run the same step again
    f.clock.advance(Duration.ofSeconds(601));
    StepResult retried = f.run(id, step);
    if (step != DeployStep.CAMPAIGN && step != DeployStep.ACTIVATE) {
      assertThat(retried.reused()).as("the object recorded before the limit is reused").isEqualTo(1);
    }
    for (DeployStep s : DeployStep.values()) {
      if (s.ordinal() > step.ordinal()) {
        f.run(id, s);
      }
    }
    f.assertBuilt(id, DeployFixture.plan(), "ACTIVE");
  }

  @Test
  void aShortRateLimitIsWaitedOutInlineWithinTheStep() throws Exception {
    String id = f.deployable();
    f.run(id, DeployStep.CAMPAIGN);
    f.fault("{\"match\":{\"method\":\"POST\",\"pathContains\":\"/adsets\"},\"kind\":\"rateLimit\",\"blockSeconds\":30}");
    StepResult r = f.run(id, DeployStep.AD_SETS);
    assertThat(r.created()).isEqualTo(2);
    assertThat(f.sleeps).as("the client slept through the regain time Meta reported (1 minute)")
        .contains(Duration.ofMinutes(1));
    f.runFrom(id, DeployStep.IMAGES);
    f.assertBuilt(id, DeployFixture.plan(), "ACTIVE");
  }

  @Test
  void a5xxAfterTheCampaignAndAdSetsExistIsRetriedWithoutDuplicates() throws Exception {
    String id = f.deployable();
    f.runAll(id, DeployStep.CAMPAIGN, DeployStep.AD_SETS);

    // an upload is a creating call: never retried by the client, the step fails as Meta.Transient
    f.fault("{\"match\":{\"method\":\"POST\",\"pathContains\":\"/adimages\"},\"kind\":\"serverError\"}");
    assertThatThrownBy(() -> f.run(id, DeployStep.IMAGES)).isInstanceOf(Meta.Transient.class);
    assertThat(f.objects("adimage")).isEmpty();
    f.assertAllRecorded(id);
    assertThat(f.run(id, DeployStep.IMAGES).created()).isEqualTo(3);

    // midway through the creatives
    afterFirstCreated(DeployStep.CREATIVES, () -> f.fault(
        "{\"match\":{\"method\":\"POST\",\"pathContains\":\"/adcreatives\"},\"kind\":\"serverError\",\"times\":1}"));
    assertThatThrownBy(() -> f.run(id, DeployStep.CREATIVES)).isInstanceOf(Meta.Transient.class);
    f.observer = DeploymentObserver.NONE;
    f.assertAllRecorded(id);
    assertThat(f.objects("adcreative")).hasSize(1);

    // a 5xx on a read is retried by the client itself
    f.fault("{\"match\":{\"method\":\"GET\",\"pathContains\":\"/promote_pages\"},\"kind\":\"serverError\",\"times\":1}");
    StepResult creatives = f.run(id, DeployStep.CREATIVES);
    assertThat(creatives.reused()).isEqualTo(1);
    assertThat(creatives.created()).isEqualTo(2);

    f.runFrom(id, DeployStep.ADS);
    f.assertBuilt(id, DeployFixture.plan(), "ACTIVE");
  }

  @ParameterizedTest
  @EnumSource(value = DeployStep.class, names = {"CAMPAIGN", "AD_SETS", "IMAGES", "CREATIVES", "ADS"})
  void aCrashAfterMetaCreatedAnObjectButBeforeItsIdWasRecordedIsRecoveredByName(DeployStep step) throws Exception {
    String id = f.deployable();
    runBefore(id, step);
    afterFirstCreated(step, () -> {
      throw new IllegalStateException("simulated crash: the function died here");
    });
    int before = f.objectCount();
    assertThatThrownBy(() -> f.run(id, step)).hasMessageContaining("simulated crash");
    f.observer = DeploymentObserver.NONE;
    assertThat(f.objectCount()).as("Meta has the object").isEqualTo(before + 1);
    assertThat(f.record(id).deployment().recorded(com.aigency.shared.campaigns.DeploymentProgress.Step.valueOf(
        step.name()))).as("but its id was never recorded").isEmpty();

    StepResult rerun = f.run(id, step);
    if (step == DeployStep.IMAGES) {
      // found again by content: the same bytes give the same hash and no second image
      assertThat(f.objects("adimage")).hasSize(3);
    } else {
      assertThat(rerun.found()).as("adopted by its name").isEqualTo(1);
    }
    f.assertAllRecorded(id);
    for (DeployStep s : DeployStep.values()) {
      if (s.ordinal() > step.ordinal()) {
        f.run(id, s);
      }
    }
    f.assertBuilt(id, DeployFixture.plan(), "ACTIVE");
  }

  @Test
  void a190MidwayStopsWithTheConnectionInvalidTheOwnerToldAndNothingActive() throws Exception {
    String id = f.deployable();
    f.runAll(id, DeployStep.CAMPAIGN, DeployStep.AD_SETS, DeployStep.IMAGES);
    // Meta revokes the token after the first creative: every later call answers 190
    afterFirstCreated(DeployStep.CREATIVES, () -> f.fault(
        "{\"match\":{\"pathContains\":\"/" + DeployFixture.VERSION + "/\"},\"kind\":\"tokenInvalid\",\"times\":1000}"));
    assertThatThrownBy(() -> f.run(id, DeployStep.CREATIVES)).isInstanceOf(Meta.TokenInvalid.class);
    f.observer = DeploymentObserver.NONE;

    assertThat(f.connection().status()).isEqualTo(FacebookConnection.Status.INVALID);
    assertThat(f.connection().statusReason()).hasValueSatisfying(r -> assertThat(r).contains("190"));
    assertThat(f.alertTitles()).containsExactly("Reconnect your Facebook account");
    f.assertNothingActive();
    f.assertAllRecorded(id);
    assertThat(f.record(id).deployment().creatives()).hasSize(1);

    // a retry (or a resumed execution) builds nothing more until the owner reconnects
    int objects = f.objectCount();
    assertThatThrownBy(() -> f.run(id, DeployStep.CREATIVES)).isInstanceOf(Deploy.NotConnected.class);
    assertThatThrownBy(() -> f.run(id, DeployStep.ACTIVATE)).isInstanceOf(Deploy.NotConnected.class);
    assertThat(f.objectCount()).isEqualTo(objects);

    // the FAILED path: cleanup cannot reach Meta either, says so, and everything stays paused
    List<String> lines = f.cleanup.pauseEverything(f.tenant, id);
    assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).contains("NOT paused"));
    f.assertNothingActive();
    assertThat(f.alertTitles()).as("told once").containsExactly("Reconnect your Facebook account");
  }

  @Test
  void a190DuringActivationLeavesTheCampaignPausedSoNothingDelivers() throws Exception {
    String id = f.deployable();
    f.runAll(id, DeployStep.CAMPAIGN, DeployStep.AD_SETS, DeployStep.IMAGES, DeployStep.CREATIVES, DeployStep.ADS);
    String campaign = f.record(id).deployment().campaignId().orElseThrow();
    f.fault("{\"match\":{\"method\":\"POST\",\"pathContains\":\"/" + f.record(id).deployment().adSets().get("s2")
        + "\"},\"kind\":\"tokenInvalid\"}");
    assertThatThrownBy(() -> f.run(id, DeployStep.ACTIVATE)).isInstanceOf(Meta.TokenInvalid.class);
    assertThat(f.objects("campaign")).singleElement()
        .satisfies(c -> assertThat(c.path("id").asText()).isEqualTo(campaign))
        .satisfies(c -> assertThat(c.path("status").asText()).isEqualTo("PAUSED"));
    assertThat(f.record(id).deployment().activated()).isFalse();
    assertThat(f.connection().status()).isEqualTo(FacebookConnection.Status.INVALID);
    // the fault answered once; the cleanup reaches Meta and pauses what the activation switched on
    assertThat(f.cleanup.pauseEverything(f.tenant, id)).hasSize(6).noneMatch(l -> l.contains("NOT"));
    f.assertNothingActive();
  }
}
