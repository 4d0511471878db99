package com.aigency.shared.campaigns.plan;

import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CallToAction;
import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.campaigns.Targeting;
import com.aigency.shared.domain.Goal;
import com.aigency.shared.domain.ProjectBrief;
import java.time.Instant;
import java.util.List;

/** Briefs and plans the planning tests start from. */
final class Fixtures {
  private Fixtures() {}

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  /** EUR 1,500.00 a month, sales, Lisbon. */
  static ProjectBrief bakery() {
    return new ProjectBrief(
        "Family-run sourdough bakery in Lisbon",
        "sourdough bread and pastries",
        "Locals and tourists aged 25-45 who love good bread",
        Goal.SALES,
        150_000,
        "EUR",
        "Lisbon, Portugal",
        "baked overnight with organic flour",
        "https://padaria-exemplo.pt",
        NOW);
  }

  static ProjectBrief withGoal(ProjectBrief b, Goal goal) {
    return new ProjectBrief(b.businessDescription(), b.product(), b.targetAudience(), goal, b.monthlyBudget(), b.currency(),
        b.location(), b.uniqueSellingPoint(), b.websiteUrl(), b.updatedAt());
  }

  static ProjectBrief withBudget(ProjectBrief b, long monthly, String currency) {
    return new ProjectBrief(b.businessDescription(), b.product(), b.targetAudience(), b.goal(), monthly, currency,
        b.location(), b.uniqueSellingPoint(), b.websiteUrl(), b.updatedAt());
  }

  static ProjectBrief withWebsite(ProjectBrief b, String website) {
    return new ProjectBrief(b.businessDescription(), b.product(), b.targetAudience(), b.goal(), b.monthlyBudget(), b.currency(),
        b.location(), b.uniqueSellingPoint(), website, b.updatedAt());
  }

  static ProjectBrief withLocation(ProjectBrief b, String location) {
    return new ProjectBrief(b.businessDescription(), b.product(), b.targetAudience(), b.goal(), b.monthlyBudget(), b.currency(),
        location, b.uniqueSellingPoint(), b.websiteUrl(), b.updatedAt());
  }

  static AdPlan ad(String key, String name) {
    return new AdPlan(key, name, "Sourdough in Lisbon", "Baked overnight with organic flour. Order yours today.",
        "Order online today", CallToAction.SHOP_NOW, "Square photo of sourdough loaves", "https://padaria-exemplo.pt");
  }

  static Targeting targeting() {
    return new Targeting(25, 45, "ALL", List.of("PT"), List.of("Lisbon"), List.of("Baking"));
  }

  /** A plan of the bakery brief that passes every rule: EUR 49.00 a day, two ad sets of two ads. */
  static CampaignStructure validStructure() {
    return new CampaignStructure("Sourdough - Sales", Objective.OUTCOME_SALES, 4_900, "EUR", List.of(
        new AdSetPlan("s1", "Core audience", targeting(), List.of(ad("s1a1", "Core - Benefit"), ad("s1a2", "Core - Why us"))),
        new AdSetPlan("s2", "Broad audience", new Targeting(18, 65, "ALL", List.of("PT"), List.of(), List.of()),
            List.of(ad("s2a1", "Broad - Benefit"), ad("s2a2", "Broad - Why us")))));
  }
}
