package com.aigency.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.deploy.DeployStepHandler;
import com.aigency.shared.campaigns.CampaignRecord.Status;
import com.aigency.shared.campaigns.deploy.DeployStep;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.json.Json;
import com.aigency.shared.meta.CreativeSpec;
import com.aigency.shared.meta.FacebookPage;
import com.aigency.shared.workflow.StepError;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nothing is built without an approved, DEPLOYING campaign and a usable connection. */
class DeploymentGateTest {
  private DeployFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new DeployFixture();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private void assertNothingBuilt(String campaignId) throws Exception {
    assertThat(f.objectCount()).isZero();
    assertThat(f.record(campaignId).deployment().adAccountId()).isEmpty();
  }

  @Test
  void anUnapprovedCampaignIsRefusedAtEveryStepAndNothingIsCreated() throws Exception {
    String id = f.campaign(DeployFixture.plan(), Status.DEPLOYING, false);
    for (DeployStep step : DeployStep.values()) {
      assertThatThrownBy(() -> f.run(id, step)).as(step.name()).isInstanceOf(Deploy.NotApproved.class)
          .hasMessageContaining("no approved approval");
    }
    assertNothingBuilt(id);
  }

  @Test
  void calledDirectlyThroughTheHandlerTheErrorIsNamedForAsl() throws Exception {
    String id = f.campaign(DeployFixture.plan(), Status.DEPLOYING, false);
    DeployStepHandler handler = new DeployStepHandler(f.deployer);
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() ->
        handler.handleRequest(Map.of("tenantId", f.tenant, "campaignId", id, "step", "CAMPAIGN"), null));
    assertThat(t.getClass().getName()).isEqualTo("Deploy.NotApproved");
    assertThat(((StepError) t).errorName()).isEqualTo("Deploy.NotApproved");
    assertThatThrownBy(() -> handler.handleRequest(Map.of("tenantId", f.tenant, "campaignId", id), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step");
    assertNothingBuilt(id);
  }

  @Test
  void anApprovedCampaignThatIsNotDeployingIsRefused() throws Exception {
    for (Status status : new Status[] {Status.DRAFT, Status.PENDING_APPROVAL, Status.CANCELLED, Status.FAILED}) {
      String id = f.campaign(DeployFixture.plan(), status, true);
      assertThatThrownBy(() -> f.run(id, DeployStep.CAMPAIGN)).as(status.name())
          .isInstanceOf(Deploy.NotApproved.class).hasMessageContaining(status.name());
      assertNothingBuilt(id);
    }
  }

  @Test
  void anotherTenantsCampaignOrAnUnknownOneIsNotFound() throws Exception {
    String id = f.deployable();
    String otherTenant = Ids.newId("t", f.clock);
    f.approved.add(otherTenant + "/" + id);
    assertThatThrownBy(() -> f.deployer.run(otherTenant, id, DeployStep.CAMPAIGN))
        .isInstanceOf(Deploy.NotApproved.class).hasMessageContaining("no campaign");
    assertThatThrownBy(() -> f.run(Ids.newId("c", f.clock), DeployStep.CAMPAIGN)).isInstanceOf(Deploy.NotApproved.class);
    assertNothingBuilt(id);
  }

  @Test
  void withoutAUsableConnectionOrAdAccountNothingIsCreated() throws Exception {
    String unconnected = f.newProject("No Facebook");
    String a = f.campaign(unconnected, DeployFixture.plan(), Status.DEPLOYING, true);
    assertThatThrownBy(() -> f.run(a, DeployStep.CAMPAIGN)).isInstanceOf(Deploy.NotConnected.class)
        .hasMessageContaining("not connected");

    String noAccount = f.newProject("No ad account chosen");
    f.connect(noAccount, null);
    String b = f.campaign(noAccount, DeployFixture.plan(), Status.DEPLOYING, true);
    assertThatThrownBy(() -> f.run(b, DeployStep.CAMPAIGN)).isInstanceOf(Deploy.NotConnected.class)
        .hasMessageContaining("no ad account");

    String c = f.deployable();
    f.connections.setStatus(f.tenant, f.project, com.aigency.shared.domain.FacebookConnection.Status.INVALID,
        "revoked", f.clock.instant());
    assertThatThrownBy(() -> f.run(c, DeployStep.CAMPAIGN)).isInstanceOf(Deploy.NotConnected.class)
        .hasMessageContaining("INVALID");
    assertThat(f.objectCount()).isZero();
  }

  @Test
  void aPlanInAnotherCurrencyThanTheAdAccountIsRefusedBeforeAnythingExists() throws Exception {
    String id = f.campaign(DeployFixture.plan("USD"), Status.DEPLOYING, true);
    assertThatThrownBy(() -> f.run(id, DeployStep.CAMPAIGN)).isInstanceOf(Deploy.CurrencyMismatch.class)
        .hasMessageContaining("EUR").hasMessageContaining("USD");
    assertThat(f.objectCount()).isZero();
  }

  @Test
  void stepsOutOfOrderAreRefused() throws Exception {
    String id = f.deployable();
    assertThatThrownBy(() -> f.run(id, DeployStep.AD_SETS)).isInstanceOf(Deploy.OutOfOrder.class);
    f.run(id, DeployStep.CAMPAIGN);
    assertThatThrownBy(() -> f.run(id, DeployStep.CREATIVES)).isInstanceOf(Deploy.OutOfOrder.class);
    assertThatThrownBy(() -> f.run(id, DeployStep.ADS)).isInstanceOf(Deploy.OutOfOrder.class);
    assertThatThrownBy(() -> f.run(id, DeployStep.ACTIVATE)).isInstanceOf(Deploy.OutOfOrder.class);
    assertThat(f.objectCount()).isEqualTo(1);
  }

  @Test
  void theSimulatorOffersEachUsersPageAndRefusesCreativesForAnyOther() throws Exception {
    assertThat(f.ads.promotePages(f.token(), f.adAccount))
        .containsExactly(new FacebookPage(DeployFixture.PAGE_ID, "Sim User's Page"));
    var story = Json.MAPPER.createObjectNode().put("page_id", "999");
    story.putObject("link_data").put("link", "https://bakery.example.com").put("message", "Hi");
    assertThatThrownBy(() -> f.ads.createCreative(f.token(), f.adAccount, new CreativeSpec("stray", story)))
        .hasMessageContaining("Meta.InvalidParameter").hasMessageContaining("not a Page this ad account can promote");
    assertThat(f.state().path("pages")).hasSize(2);
  }
}
