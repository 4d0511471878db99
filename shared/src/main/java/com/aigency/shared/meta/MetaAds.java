package com.aigency.shared.meta;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Campaigns, ad sets, images, creatives and ads of an ad account ({@code act_<id>}).
 *
 * <p>Money goes to Meta in the account currency's Meta units ({@link CurrencyOffsets}); a budget in
 * another currency than the account's is refused before anything is sent. The account currency is
 * read once per account and kept (it cannot change).
 *
 * <p>Creating calls are never retried after a transient error (they could create twice); look the
 * object up by its deterministic name ({@link #findByName}) before creating again. Status and
 * budget updates set absolute values and are retried like reads.
 */
public final class MetaAds {
  private static final Pattern ACCOUNT_ID = Pattern.compile("act_\\d{1,32}");
  private static final Pattern OBJECT_ID = Pattern.compile("(act_)?\\d{1,32}");
  private static final DateTimeFormatter META_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

  private final MetaGraph graph;
  private final Map<String, String> accountCurrencies = new ConcurrentHashMap<>();

  public MetaAds(MetaGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  public MetaGraph graph() {
    return graph;
  }

  // ------------------------------------------------------------------ create

  /** {@code POST /act_<id>/campaigns}; returns the new campaign's id. */
  public String createCampaign(AccessToken token, String adAccountId, CampaignSpec spec) {
    requireAccountId(adAccountId);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("name", spec.name());
    p.put("objective", spec.objective());
    p.put("status", spec.status().name());
    ArrayNode categories = Json.MAPPER.createArrayNode();
    spec.specialAdCategories().forEach(categories::add);
    p.put("special_ad_categories", categories.toString());
    if (spec.dailyBudget() != null) {
      p.put("daily_budget", metaAmount(token, adAccountId, spec.dailyBudget()));
    } else {
      // Since v23 Meta asks campaigns without a campaign budget to say whether ad sets may share.
      p.put("is_adset_budget_sharing_enabled", "false");
    }
    return id(graph.post(token, "/" + adAccountId + "/campaigns", p, false), "campaign");
  }

  /** {@code POST /act_<id>/adsets}; returns the new ad set's id. */
  public String createAdSet(AccessToken token, String adAccountId, AdSetSpec spec) {
    requireAccountId(adAccountId);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("name", spec.name());
    p.put("campaign_id", spec.campaignId());
    if (spec.dailyBudget() != null) {
      p.put("daily_budget", metaAmount(token, adAccountId, spec.dailyBudget()));
    }
    p.put("billing_event", spec.billingEvent());
    p.put("optimization_goal", spec.optimizationGoal());
    p.put("targeting", spec.targeting().toString());
    p.put("status", spec.status().name());
    if (spec.startTime() != null) {
      p.put("start_time", META_TIME.format(spec.startTime()));
    }
    if (spec.endTime() != null) {
      p.put("end_time", META_TIME.format(spec.endTime()));
    }
    if (spec.promotedObject() != null) {
      p.put("promoted_object", spec.promotedObject().toString());
    }
    return id(graph.post(token, "/" + adAccountId + "/adsets", p, false), "ad set");
  }

  /**
   * {@code POST /act_<id>/adimages} with the image as base64 {@code bytes}. Meta keys images by
   * content hash, so uploading the same bytes again returns the same hash.
   */
  public AdImage uploadImage(AccessToken token, String adAccountId, String name, byte[] bytes) {
    requireAccountId(adAccountId);
    requireName(name);
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("an image needs bytes");
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("bytes", Base64.getEncoder().encodeToString(bytes));
    p.put("name", name);
    JsonNode images = graph.post(token, "/" + adAccountId + "/adimages", p, false).path("images");
    Iterator<Map.Entry<String, JsonNode>> it = images.fields();
    if (!it.hasNext()) {
      throw MetaApiException.of(MetaErrorKind.UNKNOWN, "Meta.Failed: the image upload answered without images");
    }
    Map.Entry<String, JsonNode> image = it.next();
    JsonNode v = image.getValue();
    String hash = v.path("hash").asText("");
    if (hash.isEmpty()) {
      throw MetaApiException.of(MetaErrorKind.UNKNOWN, "Meta.Failed: the image upload answered without a hash");
    }
    return new AdImage(hash, v.path("url").asText(null), v.path("name").asText(image.getKey()));
  }

  /** {@code POST /act_<id>/adcreatives}; returns the new creative's id. */
  public String createCreative(AccessToken token, String adAccountId, CreativeSpec spec) {
    requireAccountId(adAccountId);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("name", spec.name());
    p.put("object_story_spec", spec.objectStorySpec().toString());
    return id(graph.post(token, "/" + adAccountId + "/adcreatives", p, false), "ad creative");
  }

  /** {@code POST /act_<id>/ads}; returns the new ad's id. */
  public String createAd(AccessToken token, String adAccountId, AdSpec spec) {
    requireAccountId(adAccountId);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("name", spec.name());
    p.put("adset_id", spec.adSetId());
    p.put("creative", Json.MAPPER.createObjectNode().put("creative_id", spec.creativeId()).toString());
    p.put("status", spec.status().name());
    return id(graph.post(token, "/" + adAccountId + "/ads", p, false), "ad");
  }

  // ------------------------------------------------------------------ read

  /** {@code GET /<id>?fields=...}: any Graph object, as Meta returns it. */
  public JsonNode read(AccessToken token, String objectId, List<String> fields) {
    requireObjectId(objectId, "objectId");
    Map<String, String> p = new LinkedHashMap<>();
    if (fields != null && !fields.isEmpty()) {
      p.put("fields", String.join(",", fields));
    }
    return graph.get(token, "/" + objectId, p);
  }

  /**
   * The campaigns, ad sets or ads of the account whose name is exactly {@code name}, for
   * find-or-create by deterministic name. Asks Meta to filter ({@code filtering} on {@code name})
   * and checks the exact name itself, following all pages.
   */
  public List<AdObjectSummary> findByName(
      AccessToken token, String adAccountId, AdObjectType type, String name) {
    return findByNameContaining(token, adAccountId, type, name).stream()
        .filter(o -> name.equals(o.name()))
        .toList();
  }

  /**
   * The Facebook Pages the ad account may run ads as ({@code GET /act_<id>/promote_pages}, all
   * pages): a link ad's creative names one in {@code object_story_spec.page_id}.
   */
  public List<FacebookPage> promotePages(AccessToken token, String adAccountId) {
    requireAccountId(adAccountId);
    List<FacebookPage> out = new ArrayList<>();
    Map<String, String> params = Map.of("fields", "id,name", "limit", "100");
    for (JsonNode p : graph.getAllPages(token, "/" + adAccountId + "/promote_pages", params)) {
      String id = p.path("id").asText("");
      if (!id.isEmpty()) {
        out.add(new FacebookPage(id, p.path("name").asText("")));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The campaigns, ad sets, ads or creatives of the account whose name contains {@code fragment}
   * (a marker shared by several objects), in one listing: Meta filters ({@code filtering} CONTAIN
   * on {@code name}) and the client checks the names itself, following all pages. Lets a step look
   * up all of its objects with one call instead of one {@link #findByName} per object.
   */
  public List<AdObjectSummary> findByNameContaining(
      AccessToken token, String adAccountId, AdObjectType type, String fragment) {
    requireAccountId(adAccountId);
    requireName(fragment);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("fields", String.join(",", type.summaryFields()));
    ArrayNode filtering = Json.MAPPER.createArrayNode();
    filtering.addObject().put("field", "name").put("operator", "CONTAIN").put("value", fragment);
    p.put("filtering", filtering.toString());
    p.put("limit", "100");
    List<AdObjectSummary> out = new ArrayList<>();
    String currency = null;
    for (JsonNode o : graph.getAllPages(token, "/" + adAccountId + "/" + type.edge(), p)) {
      String name = o.path("name").asText(null);
      if (name == null || !name.contains(fragment)) {
        continue;
      }
      Money budget = null;
      String raw = o.path("daily_budget").asText("");
      if (!raw.isEmpty() && !raw.equals("0")) {
        if (currency == null) {
          currency = accountCurrency(token, adAccountId);
        }
        budget = CurrencyOffsets.fromMetaAmount(raw, currency);
      }
      out.add(new AdObjectSummary(type, o.path("id").asText(), name, o.path("status").asText(null),
          o.path("effective_status").asText(null), budget, o.path("campaign_id").asText(null),
          o.path("adset_id").asText(null)));
    }
    return List.copyOf(out);
  }

  /** The account's currency ({@code GET /act_<id>?fields=currency}), read once per account. */
  public String accountCurrency(AccessToken token, String adAccountId) {
    requireAccountId(adAccountId);
    String cached = accountCurrencies.get(adAccountId);
    if (cached != null) {
      return cached;
    }
    String currency = graph.get(token, "/" + adAccountId, Map.of("fields", "currency")).path("currency").asText("");
    if (currency.isEmpty()) {
      throw MetaApiException.of(MetaErrorKind.UNKNOWN, "Meta.Failed: ad account " + adAccountId + " has no currency");
    }
    accountCurrencies.put(adAccountId, currency);
    return currency;
  }

  /** The ad account ({@code act_<id>}) a campaign, ad set, ad or creative belongs to. */
  public String adAccountOf(AccessToken token, String objectId) {
    requireObjectId(objectId, "objectId");
    if (objectId.startsWith("act_")) {
      return objectId;
    }
    String accountId = read(token, objectId, List.of("account_id")).path("account_id").asText("");
    if (accountId.isEmpty()) {
      throw MetaApiException.of(MetaErrorKind.UNKNOWN, "Meta.Failed: object " + objectId + " has no account_id");
    }
    return accountId.startsWith("act_") ? accountId : "act_" + accountId;
  }

  // ------------------------------------------------------------------ update

  /** {@code POST /<id> status=...} on a campaign, ad set or ad. */
  public void updateStatus(AccessToken token, String objectId, MetaStatus status) {
    requireObjectId(objectId, "objectId");
    Objects.requireNonNull(status, "status");
    success(graph.post(token, "/" + objectId, Map.of("status", status.name()), true), objectId);
  }

  /**
   * {@code POST /<id> daily_budget=...} on a campaign or ad set. The budget must be in the
   * object's ad account currency.
   */
  public void updateDailyBudget(AccessToken token, String objectId, Money dailyBudget) {
    requireObjectId(objectId, "objectId");
    Objects.requireNonNull(dailyBudget, "dailyBudget");
    String account = adAccountOf(token, objectId);
    String amount = metaAmount(token, account, dailyBudget);
    success(graph.post(token, "/" + objectId, Map.of("daily_budget", amount), true), objectId);
  }

  // ------------------------------------------------------------------ helpers

  private String metaAmount(AccessToken token, String adAccountId, Money money) {
    if (money.minorUnits() <= 0) {
      throw new IllegalArgumentException("a budget must be positive; got " + money);
    }
    String currency = accountCurrency(token, adAccountId);
    if (!currency.equals(money.currency())) {
      throw new IllegalArgumentException(
          "ad account " + adAccountId + " spends in " + currency + "; a budget of " + money + " is in another currency");
    }
    return Long.toString(CurrencyOffsets.toMetaAmount(money));
  }

  private static String id(JsonNode body, String what) {
    String id = body.path("id").asText("");
    if (id.isEmpty()) {
      throw MetaApiException.of(MetaErrorKind.UNKNOWN, "Meta.Failed: creating the " + what + " answered without an id");
    }
    return id;
  }

  private static void success(JsonNode body, String objectId) {
    if (body.has("success") && !body.path("success").asBoolean()) {
      throw MetaApiException.of(MetaErrorKind.UNKNOWN, "Meta.Failed: the update of " + objectId + " did not succeed");
    }
  }

  static void requireAccountId(String adAccountId) {
    if (adAccountId == null || !ACCOUNT_ID.matcher(adAccountId).matches()) {
      throw new IllegalArgumentException("an ad account id looks like act_123; got " + adAccountId);
    }
  }

  static void requireObjectId(String id, String what) {
    if (id == null || !OBJECT_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " must be a Graph id; got " + id);
    }
  }

  static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (name.length() > 400) {
      throw new IllegalArgumentException("name must be at most 400 characters");
    }
  }
}
