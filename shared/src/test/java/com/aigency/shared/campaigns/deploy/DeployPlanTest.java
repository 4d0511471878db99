package com.aigency.shared.campaigns.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CallToAction;
import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.campaigns.Targeting;
import com.aigency.shared.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names, the plan-to-Meta mapping and the checks made before anything is created. */
class DeployPlanTest {
  private static final String CID = "c_01JD3XEXAMPLECAMPAIGN0001";

  static AdPlan ad(String key) {
    return new AdPlan(key, "Ad " + key, "Fresh bread daily", "Sourdough baked at 5 am.", "Order by noon",
        CallToAction.ORDER_NOW, "A rustic sourdough loaf on a wooden table", "https://bakery.example.com/order");
  }

  static CampaignStructure plan(Objective objective, String currency, AdSetPlan... sets) {
    return new CampaignStructure("Spring bread", objective, 2500, currency, List.of(sets));
  }

  static AdSetPlan set(String key, Targeting t, AdPlan... ads) {
    return new AdSetPlan(key, "Set " + key, t, List.of(ads));
  }

  static Targeting germany() {
    return new Targeting(25, 54, "ALL", List.of("DE"), List.of(), List.of("baking"));
  }

  @Test
  void namesEndWithAMarkerOfCampaignAndKey() {
    var s = plan(Objective.OUTCOME_SALES, "EUR", set("s1", germany(), ad("s1a1")));
    assertThat(DeployNames.campaign(CID, s)).isEqualTo("Spring bread [aig:" + CID + ":campaign]");
    assertThat(DeployNames.adSet(CID, s.adSets().get(0))).isEqualTo("Set s1 [aig:" + CID + ":s1]");
    assertThat(DeployNames.ad(CID, ad("s1a1"))).isEqualTo("Ad s1a1 [aig:" + CID + ":s1a1]");
    assertThat(DeployNames.creative(CID, ad("s1a1"))).isEqualTo("Ad s1a1 - creative [aig:" + CID + ":s1a1:creative]");
    assertThat(DeployNames.image(CID, ad("s1a1"))).isEqualTo("aig-" + CID + "-s1a1.png");
  }

  @Test
  void aLongOrMessyNameIsCutButKeepsItsMarker() {
    String longName = "x".repeat(500);
    var s = new CampaignStructure(longName + "\n\tend", Objective.OUTCOME_SALES, 100, "EUR", List.of());
    String name = DeployNames.campaign(CID, s);
    assertThat(name).hasSize(DeployNames.READABLE_MAX + 1 + DeployNames.marker(CID, "campaign").length());
    assertThat(name).endsWith("[aig:" + CID + ":campaign]").doesNotContain("\n");
    assertThat(DeployNames.readable("  a \n b  ", "fallback")).isEqualTo("a b");
    assertThat(DeployNames.readable(" ", "fallback")).isEqualTo("fallback");
  }

  @Test
  void targetingSendsCountriesAgesAndGendersAndKeepsTheApprovedAudience() {
    var women = new Targeting(30, 60, "FEMALE", List.of("at", "DE"), List.of("Vienna"), List.of("yoga"));
    assertThat(Json.write(MetaPlanMapping.targeting(women))).isEqualTo(
        "{\"geo_locations\":{\"countries\":[\"AT\",\"DE\"]},\"age_min\":30,\"age_max\":60,\"genders\":[2],"
            + "\"targeting_automation\":{\"advantage_audience\":0}}");
    var men = new Targeting(18, 0, "MALE", List.of("FR"), List.of(), List.of());
    assertThat(MetaPlanMapping.targeting(men).path("genders").toString()).isEqualTo("[1]");
    assertThat(MetaPlanMapping.targeting(men).has("age_max")).isFalse();
    assertThat(MetaPlanMapping.targeting(germany()).has("genders")).isFalse();
  }

  @Test
  void deliveryPerObjective() {
    assertThat(MetaPlanMapping.delivery(Objective.OUTCOME_TRAFFIC))
        .isEqualTo(new MetaPlanMapping.Delivery("IMPRESSIONS", "LINK_CLICKS"));
    assertThat(MetaPlanMapping.delivery(Objective.OUTCOME_SALES).optimizationGoal()).isEqualTo("LINK_CLICKS");
    assertThat(MetaPlanMapping.delivery(Objective.OUTCOME_LEADS).optimizationGoal()).isEqualTo("LINK_CLICKS");
    assertThatThrownBy(() -> MetaPlanMapping.delivery(Objective.OUTCOME_APP_PROMOTION))
        .isInstanceOf(Deploy.InvalidPlan.class).hasMessageContaining("application id");
  }

  @Test
  void theCreativeIsALinkAdAsThePage() {
    var spec = MetaPlanMapping.objectStorySpec("1234567890", ad("s1a1"), "abc123");
    assertThat(Json.write(spec)).isEqualTo("{\"page_id\":\"1234567890\",\"link_data\":{"
        + "\"link\":\"https://bakery.example.com/order\",\"message\":\"Sourdough baked at 5 am.\","
        + "\"name\":\"Fresh bread daily\",\"description\":\"Order by noon\",\"image_hash\":\"abc123\","
        + "\"call_to_action\":{\"type\":\"ORDER_NOW\",\"value\":{\"link\":\"https://bakery.example.com/order\"}}}}");
  }

  @Test
  void plansThatCannotBeBuiltCompletelyAreRefusedUpFront() {
    assertThatThrownBy(() -> MetaPlanMapping.check(null)).isInstanceOf(Deploy.InvalidPlan.class);
    MetaPlanMapping.check(plan(Objective.OUTCOME_SALES, "EUR", set("s1", germany(), ad("s1a1"), ad("s1a2"))));
    assertThatThrownBy(() -> MetaPlanMapping.check(plan(Objective.OUTCOME_SALES, "EUR")))
        .isInstanceOf(Deploy.InvalidPlan.class).hasMessageContaining("no ad sets");
    assertThatThrownBy(() -> MetaPlanMapping.check(plan(Objective.OUTCOME_SALES, "EUR", set("s1", germany()))))
        .isInstanceOf(Deploy.InvalidPlan.class).hasMessageContaining("no ads");
    assertThatThrownBy(() -> MetaPlanMapping.check(plan(Objective.OUTCOME_SALES, "EUR",
        set("s1", germany(), ad("s1a1")), set("s2", germany(), ad("s1a1")))))
        .isInstanceOf(Deploy.InvalidPlan.class).hasMessageContaining("used twice");
    assertThatThrownBy(() -> MetaPlanMapping.check(plan(Objective.OUTCOME_SALES, "EUR",
        set("s1", new Targeting(25, 54, "ALL", List.of(), List.of("Berlin"), List.of()), ad("s1a1")))))
        .isInstanceOf(Deploy.InvalidPlan.class).hasMessageContaining("no country");
    assertThatThrownBy(() -> MetaPlanMapping.check(plan(Objective.OUTCOME_SALES, "EUR",
        set("s1", new Targeting(50, 30, "ALL", List.of("DE"), List.of(), List.of()), ad("s1a1")))))
        .isInstanceOf(Deploy.InvalidPlan.class).hasMessageContaining("ages");
    AdPlan noLink = new AdPlan("s1a1", "Ad", "H", "P", null, null, "prompt", "bakery.example.com");
    assertThatThrownBy(() -> MetaPlanMapping.check(plan(Objective.OUTCOME_SALES, "EUR", set("s1", germany(), noLink))))
        .isInstanceOf(Deploy.InvalidPlan.class).hasMessageContaining("http(s) link");
    assertThatThrownBy(() -> MetaPlanMapping.check(plan(Objective.OUTCOME_APP_PROMOTION, "EUR", set("s1", germany(), ad("s1a1")))))
        .isInstanceOf(Deploy.InvalidPlan.class);
    assertThatThrownBy(() -> MetaPlanMapping.check(new CampaignStructure("x", Objective.OUTCOME_SALES, 0, "EUR",
        List.of(set("s1", germany(), ad("s1a1")))))).isInstanceOf(Deploy.InvalidPlan.class).hasMessageContaining("positive");
  }

  @Test
  void theErrorsAreNamedForAsl() {
    assertThat(new Deploy.InvalidPlan("x").errorName()).isEqualTo("Deploy.InvalidPlan");
    assertThat(new Deploy.NotApproved("x").errorName()).isEqualTo("Deploy.NotApproved");
    assertThat(new Deploy.NotConnected("x").errorName()).isEqualTo("Deploy.NotConnected");
    assertThat(new Deploy.CurrencyMismatch("x").errorName()).isEqualTo("Deploy.CurrencyMismatch");
    assertThat(new Deploy.NoPage("x").errorName()).isEqualTo("Deploy.NoPage");
    assertThat(new Deploy.OutOfOrder("x").errorName()).isEqualTo("Deploy.OutOfOrder");
    assertThat(new Deploy.Transient("x").errorName()).isEqualTo("Deploy.Transient");
  }

  @Test
  void stepsParseFromTheirAslSpellings() {
    assertThat(DeployStep.parse("AD_SETS")).isEqualTo(DeployStep.AD_SETS);
    assertThat(DeployStep.parse("adSets")).isEqualTo(DeployStep.AD_SETS);
    assertThat(DeployStep.parse("ad-sets")).isEqualTo(DeployStep.AD_SETS);
    assertThat(DeployStep.parse(" activate ")).isEqualTo(DeployStep.ACTIVATE);
    assertThatThrownBy(() -> DeployStep.parse("LAUNCH")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeployStep.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
