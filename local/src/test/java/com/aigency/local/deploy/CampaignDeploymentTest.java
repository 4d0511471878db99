package com.aigency.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.deploy.DeployStepHandler;
import com.aigency.shared.campaigns.CampaignRecord;
import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.deploy.DeployNames;
import com.aigency.shared.campaigns.deploy.DeployStep;
import com.aigency.shared.campaigns.deploy.StepResult;
import com.aigency.shared.json.Json;
import com.aigency.shared.meta.CampaignSpec;
import com.aigency.shared.meta.MetaStatus;
import com.aigency.shared.meta.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deployment's happy path, its reruns, and pausing everything, against the simulator. */
class CampaignDeploymentTest {
  private DeployFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new DeployFixture();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void allStepsInOrderBuildExactlyThePlanAndActivateItCampaignLast() throws Exception {
    String id = f.deployable();
    DeployStepHandler handler = new DeployStepHandler(f.deployer);
    List<Map<String, Object>> outputs = new ArrayList<>();
    for (DeployStep step : DeployStep.values()) {
      outputs.add(handler.handleRequest(Map.of("tenantId", f.tenant, "campaignId", id, "step", step.name()), null));
    }
    f.assertBuilt(id, DeployFixture.plan(), "ACTIVE");
    CampaignRecord r = f.record(id);
    assertThat(r.status()).as("the workflow moves it to ACTIVE after the last step").isEqualTo(CampaignRecord.Status.DEPLOYING);
    assertThat(r.deployment().activated()).isTrue();

    assertThat(outputs).extracting(o -> o.get("step")).containsExactly(
        "CAMPAIGN", "AD_SETS", "IMAGES", "CREATIVES", "ADS", "ACTIVATE");
    assertThat(outputs).extracting(o -> o.get("created")).containsExactly(1, 2, 3, 3, 3, 0);
    assertThat(outputs.get(5)).containsEntry("updated", 6);
    assertThat(outputs.get(0).get("ids")).isEqualTo(Map.of("campaign", r.deployment().campaignId().orElseThrow()));
    assertThat(outputs.get(1).get("ids")).isEqualTo(new java.util.TreeMap<>(r.deployment().adSets()));
    assertThat(outputs.get(4).get("ids")).isEqualTo(new java.util.TreeMap<>(r.deployment().ads()));
    String history = Json.write(outputs);
    assertThat(history).doesNotContain(f.token().value()).doesNotContain(DeployFixture.APP_SECRET);
  }

  @Test
  void rerunningAnyStepAfterwardsCreatesNothing() throws Exception {
    String id = f.deployable();
    f.runFrom(id, DeployStep.CAMPAIGN);
    int objects = f.objectCount();
    for (DeployStep step : DeployStep.values()) {
      StepResult again = f.run(id, step);
      assertThat(again.created()).as(step.name()).isZero();
      assertThat(again.found()).as(step.name()).isZero();
      assertThat(again.updated()).as(step.name()).isZero();
      assertThat(again.reused()).as(step.name()).isPositive();
    }
    assertThat(f.objectCount()).isEqualTo(objects);
    f.assertBuilt(id, DeployFixture.plan(), "ACTIVE");
  }

  @Test
  void eachStepRunTwiceInARowCreatesItsObjectsOnce() throws Exception {
    String id = f.deployable();
    for (DeployStep step : DeployStep.values()) {
      f.run(id, step);
      StepResult again = f.run(id, step);
      assertThat(again.created() + again.found() + again.updated()).as(step.name()).isZero();
    }
    f.assertBuilt(id, DeployFixture.plan(), "ACTIVE");
  }

  @Test
  void aCampaignAlreadyAtMetaUnderItsNameIsAdoptedNotDuplicated() throws Exception {
    String id = f.deployable();
    CampaignStructure plan = DeployFixture.plan();
    String existing = f.ads.createCampaign(f.token(), f.adAccount, new CampaignSpec(DeployNames.campaign(id, plan),
        plan.objective().name(), MetaStatus.PAUSED, List.of(), Money.ofMinor(plan.dailyBudget(), plan.currency())));
    StepResult r = f.run(id, DeployStep.CAMPAIGN);
    assertThat(r.found()).isEqualTo(1);
    assertThat(r.created()).isZero();
    assertThat(f.record(id).deployment().campaignId()).contains(existing);
    f.runFrom(id, DeployStep.AD_SETS);
    f.assertBuilt(id, plan, "ACTIVE");
  }

  @Test
  void pauseEverythingLeavesEveryRecordedObjectPaused() throws Exception {
    String id = f.deployable();
    f.runFrom(id, DeployStep.CAMPAIGN);
    Map<String, Object> out = f.cleanup.pause(f.tenant, id).toOutput();
    @SuppressWarnings("unchecked")
    List<String> paused = (List<String>) out.get("paused");
    assertThat(paused).hasSize(6);
    assertThat(paused.get(0)).startsWith("campaign " + f.record(id).deployment().campaignId().orElseThrow())
        .endsWith("\"Spring bread launch\"");
    assertThat(out.get("notPaused")).isEqualTo(List.of());
    f.assertBuilt(id, DeployFixture.plan(), "PAUSED");
    // the record still says it was activated once; the simulator says paused
    assertThat(f.record(id).deployment().activated()).isTrue();
  }

  @Test
  void pauseEverythingOfAPartialDeploymentPausesWhatExists() throws Exception {
    String id = f.deployable();
    f.runAll(id, DeployStep.CAMPAIGN, DeployStep.AD_SETS);
    assertThat(f.cleanup.pauseEverything(f.tenant, id)).hasSize(3).allSatisfy(line -> assertThat(line).doesNotContain("NOT"));
    f.assertNothingActive();
    f.assertAllRecorded(id);
    assertThat(f.cleanup.pauseEverything(f.tenant, f.deployable())).as("nothing recorded, nothing to pause").isEmpty();
  }
}
