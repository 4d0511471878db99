package com.aigency.shared.campaigns.deploy;

import com.aigency.shared.campaigns.AdPlan;
import com.aigency.shared.campaigns.AdSetPlan;
import com.aigency.shared.campaigns.CallToAction;
import com.aigency.shared.campaigns.CampaignStructure;
import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.campaigns.Targeting;
import com.aigency.shared.json.Json;
import com.aigency.shared.meta.Money;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an approved plan becomes Meta's fields (docs/deployment.md has the tables), and the checks
 * that the plan can be built at all, made before anything is created.
 */
public final class MetaPlanMapping {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /** Meta's youngest and oldest targetable ages. */
  static final int META_MIN_AGE = 13;
  static final int META_MAX_AGE = 65;

  private MetaPlanMapping() {}

  /**
   * The ad set's billing event and optimisation goal for a campaign objective.
   *
   * @param billingEvent what Meta charges for
   * @param optimizationGoal what delivery optimises for
   */
  public record Delivery(String billingEvent, String optimizationGoal) {}

  /**
   * Aigency has no Meta pixel, lead form or app id for a project yet, so every objective it can
   * deploy optimises for link clicks to the ad's landing page and pays per impression (Meta's
   * default billing, valid for every goal). App promotion needs the app's Meta application id and
   * store URL in {@code promoted_object}, which a brief does not carry: refused as an invalid plan.
   */
  public static Delivery delivery(Objective objective) {
    return switch (objective) {
      case OUTCOME_TRAFFIC, OUTCOME_LEADS, OUTCOME_SALES -> new Delivery("IMPRESSIONS", "LINK_CLICKS");
      case OUTCOME_APP_PROMOTION -> throw new Deploy.InvalidPlan(
          "app promotion campaigns need the app's Meta application id and store URL, which the brief does not"
              + " have yet; Aigency cannot deploy OUTCOME_APP_PROMOTION");
    };
  }

  /**
   * Meta's targeting spec: {@code geo_locations.countries}, {@code age_min}/{@code age_max} (when
   * set), {@code genders} ([1] men, [2] women, absent for all), and Advantage+ audience off so Meta
   * keeps to the approved audience. Interests and cities are not sent: resolving them to Meta's
   * ids ({@code /search?type=adinterest}, {@code adgeolocation}) is not built yet.
   */
  public static ObjectNode targeting(Targeting t) {
    ObjectNode spec = Json.MAPPER.createObjectNode();
    ArrayNode countries = spec.putObject("geo_locations").putArray("countries");
    t.countries().forEach(c -> countries.add(c.trim().toUpperCase(Locale.ROOT)));
    if (t.ageMin() > 0) {
      spec.put("age_min", t.ageMin());
    }
    if (t.ageMax() > 0) {
      spec.put("age_max", t.ageMax());
    }
    switch (t.genders().trim().toUpperCase(Locale.ROOT)) {
      case "MALE", "MEN", "M" -> spec.putArray("genders").add(1);
      case "FEMALE", "WOMEN", "F" -> spec.putArray("genders").add(2);
      default -> { } // ALL: Meta's default is everyone
    }
    spec.putObject("targeting_automation").put("advantage_audience", 0);
    return spec;
  }

  /**
   * A link ad's {@code object_story_spec}: posted as {@code pageId}, linking to the ad's URL with
   * its primary text ({@code message}), headline ({@code name}), description, image and button.
   */
  public static ObjectNode objectStorySpec(String pageId, AdPlan ad, String imageHash) {
    ObjectNode spec = Json.MAPPER.createObjectNode().put("page_id", pageId);
    ObjectNode link = spec.putObject("link_data");
    link.put("link", ad.linkUrl().trim());
    link.put("message", ad.primaryText());
    link.put("name", ad.headline());
    if (ad.description() != null && !ad.description().isBlank()) {
      link.put("description", ad.description());
    }
    link.put("image_hash", imageHash);
    CallToAction cta = ad.callToAction() == null ? CallToAction.LEARN_MORE : ad.callToAction();
    link.putObject("call_to_action").put("type", cta.name()).putObject("value").put("link", ad.linkUrl().trim());
    return spec;
  }

  /** The campaign's daily budget, in the plan's currency. */
  public static Money dailyBudget(CampaignStructure s) {
    return Money.ofMinor(s.dailyBudget(), s.currency());
  }

  /**
   * Refuses ({@code Deploy.InvalidPlan}) a plan that cannot be built completely, so that the
   * CAMPAIGN step fails before anything exists at Meta rather than a later step halfway.
   */
  public static void check(CampaignStructure s) {
    if (s == null) {
      throw new Deploy.InvalidPlan("the campaign has no plan to deploy");
    }
    if (s.objective() == null) {
      throw new Deploy.InvalidPlan("the plan has no objective");
    }
    delivery(s.objective());
    if (s.dailyBudget() <= 0) {
      throw new Deploy.InvalidPlan("the plan's daily budget must be positive; got " + s.dailyBudget());
    }
    try {
      dailyBudget(s);
    } catch (RuntimeException e) {
      throw new Deploy.InvalidPlan("the plan's currency is not usable: " + e.getMessage());
    }
    if (s.adSets().isEmpty()) {
      throw new Deploy.InvalidPlan("the plan has no ad sets");
    }
    Set<String> keys = new HashSet<>();
    for (AdSetPlan set : s.adSets()) {
      key(set.key(), keys);
      if (set.ads().isEmpty()) {
        throw new Deploy.InvalidPlan("ad set " + set.key() + " has no ads");
      }
      check(set.key(), set.targeting());
      for (AdPlan ad : set.ads()) {
        key(ad.key(), keys);
        check(ad);
      }
    }
  }

  private static void key(String key, Set<String> seen) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new Deploy.InvalidPlan("plan keys are 1-40 letters, digits, _ or -; got " + key);
    }
    if (key.equals("campaign") || !seen.add(key)) {
      throw new Deploy.InvalidPlan("plan key " + key + " is used twice");
    }
  }

  private static void check(String key, Targeting t) {
    if (t == null) {
      throw new Deploy.InvalidPlan("ad set " + key + " has no targeting");
    }
    List<String> countries = t.countries();
    if (countries.isEmpty()) {
      throw new Deploy.InvalidPlan("ad set " + key + " targets no country (cities alone are not resolved to Meta locations)");
    }
    for (String c : countries) {
      if (c == null || !COUNTRY.matcher(c.trim().toUpperCase(Locale.ROOT)).matches()) {
        throw new Deploy.InvalidPlan("ad set " + key + ": countries are ISO 3166-1 alpha-2 codes; got " + c);
      }
    }
    int min = t.ageMin();
    int max = t.ageMax();
    if ((min > 0 && (min < META_MIN_AGE || min > META_MAX_AGE)) || (max > 0 && (max < META_MIN_AGE || max > META_MAX_AGE))
        || (min > 0 && max > 0 && min > max)) {
      throw new Deploy.InvalidPlan("ad set " + key + ": ages must lie within " + META_MIN_AGE + "-" + META_MAX_AGE
          + " with the minimum not above the maximum; got " + min + "-" + max);
    }
  }

  private static void check(AdPlan ad) {
    if (blank(ad.headline()) || blank(ad.primaryText())) {
      throw new Deploy.InvalidPlan("ad " + ad.key() + " needs a headline and a primary text");
    }
    String link = ad.linkUrl();
    boolean ok = false;
    if (!blank(link)) {
      try {
        URI u = URI.create(link.trim());
        ok = ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme())) && !blank(u.getHost());
      } catch (IllegalArgumentException e) {
        ok = false;
      }
    }
    if (!ok) {
      throw new Deploy.InvalidPlan("ad " + ad.key() + " needs an absolute http(s) link; got " + link);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
