package com.aigency.shared.agents.offline;

import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelException;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The offline campaign planner: a deterministic plan from the planning context (see {@code
 * CampaignPlanner}; prompt agents/planner/prompt.v1.md), valid against the planner schema and the
 * planning rules.
 *
 * <p>First round: the campaign spends what the monthly budget allows (the largest daily budget
 * within it, rounded down to a whole unit of the currency), targets the countries and cities read
 * from the location ({@link Places}), and has a "Core audience" ad set (ages and genders from the
 * target audience, else 25-54 and all; interests from {@link Interests}) plus, when the daily budget
 * is at least ten times Meta's minimum, a "Broad audience" ad set (18-65, no interests); two ads
 * each, whose messages rotate per ad set over "Benefit", "Why us" and "Try it" (the core audience
 * tests the first two, the broad one the last two).
 *
 * <p>Later rounds start from the previous plan and apply the newest feedback as {@link
 * OwnerFeedback} reads it: budget (clamped to the limits, dropping ad sets the budget cannot fund),
 * ages (clamped to 18-65), genders; tone and things to mention are left to the copywriter and
 * announced in the explanation; anything not understood is quoted in the explanation with the plan
 * unchanged. Without a previous plan, all feedback applies in order to the first-round plan.
 */
public final class Planner implements OfflineAgent {
  public static final String AGENT = "planner";
  /** Starts the user message that carries the planning context JSON. */
  public static final String CONTEXT_PREFIX = "Planning context: ";

  /** Words a cut text should not end on ("... bread and"). */
  private static final Pattern DANGLING =
      Pattern.compile("(?i)[\\s,;:-]+(?:and|or|with|of|the|a|an|in|for|to|at|by|from|our|your|&)?$");
  private static final String[] ANGLE_NAMES = {"Benefit", "Why us", "Try it"};
  private static final Pattern WOMEN = Pattern.compile("(?i)\\b(?:women|woman|female|females|ladies|mothers|mums|moms|brides)\\b");
  private static final Pattern MEN = Pattern.compile("(?i)\\b(?:men|man|male|males|fathers|dads|gentlemen|grooms)\\b");

  @Override
  public String name() {
    return AGENT;
  }

  @Override
  public ObjectNode respond(ModelRequest request) {
    JsonNode context = context(request, CONTEXT_PREFIX);
    Limits limits = Limits.of(context.path("limits"), context.path("brief"));
    JsonNode brief = context.path("brief");
    List<String> feedback = new ArrayList<>();
    context.path("feedback").forEach(f -> feedback.add(f.asText()));
    JsonNode previous = context.path("previousPlan");

    List<String> notes = new ArrayList<>();
    Draft draft;
    List<String> toApply;
    if (previous.isObject() && previous.path("adSets").isArray() && !previous.path("adSets").isEmpty()) {
      draft = Draft.from(previous);
      toApply = feedback.isEmpty() ? List.of() : List.of(feedback.getLast());
    } else {
      draft = fresh(brief, limits, notes);
      toApply = feedback;
    }
    draft.fitBudget(limits, new ArrayList<>());
    for (String said : toApply) {
      apply(draft, OwnerFeedback.read(said), limits, notes);
    }
    return output(draft, limits, brief, notes);
  }

  // ------------------------------------------------------------------ context

  /** The JSON after {@code prefix} in the first user message that starts with it. */
  static JsonNode context(ModelRequest request, String prefix) {
    for (ChatMessage message : request.messages()) {
      if (message.role() == ChatMessage.Role.USER && message.content().startsWith(prefix)) {
        try {
          JsonNode json = Json.read(message.content().substring(prefix.length()));
          if (json != null && json.isObject()) {
            return json;
          }
        } catch (RuntimeException e) {
          break;
        }
      }
    }
    throw new ModelException("Agent.InvalidInput", "the offline " + request.agent() + " needs a message starting with '" + prefix
        + "' followed by a JSON object", null);
  }

  /** The planning limits as the context gives them. */
  record Limits(
      String objective, String currency, long monthlyBudget, long minPerAdSet, long maxDaily, long step, int maxAdSets, int minAge,
      int maxAge) {
    static Limits of(JsonNode l, JsonNode brief) {
      return new Limits(l.path("objective").asText(), l.path("currency").asText(brief.path("currency").asText("USD")),
          brief.path("monthlyBudget").asLong(), Math.max(1, l.path("minDailyBudgetPerAdSet").asLong(1)), l.path("maxDailyBudget").asLong(),
          Math.max(1, l.path("dailyBudgetStep").asLong(1)), Math.max(1, l.path("maxAdSets").asInt(3)), l.path("minAge").asInt(18),
          l.path("maxAge").asInt(65));
    }

    String money(long minor) {
      return Money.validCurrency(currency).isPresent() ? Money.display(minor, currency) : minor + " " + currency;
    }

    long unit() {
      return Money.validCurrency(currency).isPresent() ? BigDecimal.ONE.movePointRight(Money.digits(currency)).longValue() : 1;
    }
  }

  // ------------------------------------------------------------------ the plan being drafted

  static final class SetDraft {
    String name;
    int ageMin;
    int ageMax;
    String genders;
    List<String> countries;
    List<String> cities;
    List<String> interests;
    List<String> adNames = new ArrayList<>();
  }

  static final class Draft {
    String campaignName;
    long dailyBudget;
    final List<SetDraft> sets = new ArrayList<>();

    static Draft from(JsonNode previous) {
      Draft d = new Draft();
      d.campaignName = previous.path("campaignName").asText("Campaign");
      d.dailyBudget = previous.path("dailyBudget").asLong();
      for (JsonNode set : previous.path("adSets")) {
        if (d.sets.size() == 3) {
          break;
        }
        SetDraft s = new SetDraft();
        s.name = set.path("name").asText("Ad set " + (d.sets.size() + 1));
        s.ageMin = set.path("ageMin").asInt(18);
        s.ageMax = set.path("ageMax").asInt(65);
        s.genders = set.path("genders").asText("ALL");
        s.countries = strings(set.path("countries"));
        s.cities = strings(set.path("cities"));
        s.interests = strings(set.path("interests"));
        for (JsonNode ad : set.path("ads")) {
          if (s.adNames.size() < 3) {
            s.adNames.add(ad.path("name").asText(s.name + " - " + ANGLE_NAMES[angleOf(d.sets.size(), s.adNames.size())]));
          }
        }
        if (s.adNames.isEmpty()) {
          s.adNames.add(s.name + " - " + ANGLE_NAMES[angleOf(d.sets.size(), 0)]);
        }
        d.sets.add(s);
      }
      return d;
    }

    /** Budget within the limits; ad sets dropped from the end when it cannot fund each one's minimum. */
    void fitBudget(Limits limits, List<String> notes) {
      if (dailyBudget > limits.maxDaily()) {
        dailyBudget = limits.maxDaily();
      }
      dailyBudget -= Math.floorMod(dailyBudget, limits.step()); // Meta's unit for the currency
      if (dailyBudget < limits.minPerAdSet()) {
        notes.add("that is below Meta's minimum of " + limits.money(limits.minPerAdSet()) + " a day, so I used the minimum");
        dailyBudget = limits.minPerAdSet();
      }
      while (sets.size() > 1 && dailyBudget < limits.minPerAdSet() * sets.size()) {
        SetDraft dropped = sets.removeLast();
        notes.add("at that budget Meta's minimum of " + limits.money(limits.minPerAdSet()) + " a day per ad set leaves room for "
            + sets.size() + " ad set" + (sets.size() == 1 ? "" : "s") + ", so I removed \"" + dropped.name + "\"");
      }
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Draft fresh(JsonNode brief, Limits limits, List<String> notes) {
    Draft d = new Draft();
    String product = productWords(brief);
    d.campaignName = fit(capitalise(product), 60) + " - " + goalLabel(limits.objective());
    long daily = limits.maxDaily() - limits.maxDaily() % limits.unit();
    d.dailyBudget = daily >= limits.minPerAdSet() ? daily : limits.maxDaily();

    String audience = brief.path("targetAudience").asText("");
    String location = brief.path("location").asText("");
    Places.Found places = Places.in(location);
    List<String> countries = places.countries();
    if (countries.isEmpty()) {
      String website = brief.path("websiteUrl").asText("");
      Optional<String> fromSite = Places.fromWebsite(website);
      Optional<String> fromCurrency = Places.fromCurrency(limits.currency());
      String code = fromSite.or(() -> fromCurrency).orElse("US");
      String why = fromSite.isPresent() ? "from your website's address" : fromCurrency.isPresent() ? "from your budget's currency" : "as a default";
      countries = List.of(code);
      notes.add("I could not tell which country \"" + fit(location, 80) + "\" is in, so the ads target " + Places.countryName(code) + " ("
          + why + "); tell me if that is wrong.");
    }
    SetDraft core = new SetDraft();
    core.name = "Core audience";
    OwnerFeedback.AgeRange ages = OwnerFeedback.ages(audience, true).orElse(new OwnerFeedback.AgeRange(25, 54));
    core.ageMin = clamp(ages.min(), limits);
    core.ageMax = clamp(ages.max(), limits);
    core.genders = genders(audience);
    core.countries = countries;
    core.cities = places.cities().subList(0, Math.min(10, places.cities().size()));
    core.interests = Interests.of(brief.path("product").asText(null), brief.path("businessDescription").asText(null), audience);
    d.sets.add(core);
    if (d.dailyBudget >= 10 * limits.minPerAdSet() && limits.maxAdSets() >= 2) {
      SetDraft broad = new SetDraft();
      broad.name = "Broad audience";
      broad.ageMin = limits.minAge();
      broad.ageMax = limits.maxAge();
      broad.genders = "ALL";
      broad.countries = countries;
      broad.cities = core.cities;
      broad.interests = List.of();
      d.sets.add(broad);
    }
    for (int i = 0; i < d.sets.size(); i++) {
      SetDraft s = d.sets.get(i);
      s.adNames.add(s.name + " - " + ANGLE_NAMES[angleOf(i, 0)]);
      s.adNames.add(s.name + " - " + ANGLE_NAMES[angleOf(i, 1)]);
    }
    return d;
  }

  private static String genders(String audience) {
    boolean women = WOMEN.matcher(audience).find();
    boolean men = MEN.matcher(audience).find();
    return women == men ? "ALL" : women ? "FEMALE" : "MALE";
  }

  private static int clamp(int age, Limits limits) {
    return Math.max(limits.minAge(), Math.min(limits.maxAge(), age));
  }

  // ------------------------------------------------------------------ feedback

  private static void apply(Draft draft, OwnerFeedback said, Limits limits, List<String> notes) {
    List<String> changes = new ArrayList<>();
    said.budget().ifPresent(budget -> {
      long before = draft.dailyBudget;
      List<String> why = new ArrayList<>();
      long asked = requested(budget, before, limits, why);
      String askedText = limits.money(asked) + " a day";
      if (asked > limits.maxDaily()) {
        why.add("your monthly budget of " + limits.money(limits.monthlyBudget()) + " allows at most " + limits.money(limits.maxDaily())
            + " a day, so I used that");
      }
      draft.dailyBudget = asked;
      draft.fitBudget(limits, why);
      changes.add("the daily budget is now " + limits.money(draft.dailyBudget) + " (it was " + limits.money(before) + ")"
          + (asked != draft.dailyBudget || !why.isEmpty() ? ": you asked for " + askedText + (why.isEmpty() ? "" : "; " + String.join("; ", why)) : ""));
    });
    said.ages().ifPresent(range -> {
      int min = clamp(range.min(), limits);
      int max = clamp(Math.max(range.min(), range.max()), limits);
      draft.sets.forEach(s -> {
        s.ageMin = min;
        s.ageMax = max;
      });
      boolean clamped = min != range.min() || (range.max() != max && range.max() < 99);
      changes.add("every ad set now reaches ages " + min + "-" + max + (max == limits.maxAge() ? " (65 means 65 and older)" : "")
          + (clamped ? ", as close to what you asked as Meta allows (" + limits.minAge() + " to " + limits.maxAge() + "+)" : ""));
    });
    said.genders().ifPresent(g -> {
      draft.sets.forEach(s -> s.genders = g);
      changes.add("every ad set now reaches " + switch (g) {
        case "FEMALE" -> "women only";
        case "MALE" -> "men only";
        default -> "all genders";
      });
    });
    said.tone().ifPresent(t -> changes.add("the copywriter makes the ads " + t.words));
    if (said.shorter()) {
      changes.add("the copywriter keeps the ad texts shorter");
    }
    if (!said.mentions().isEmpty()) {
      changes.add("every ad mentions " + String.join(" and ", said.mentions().stream().map(m -> "\"" + m + "\"").toList()));
    }
    String quote = "\"" + fit(said.text(), 200) + "\"";
    if (said.understood()) {
      notes.add("After your feedback " + quote + ": " + String.join("; ", changes) + ".");
    } else {
      notes.add("You said " + quote + ". The offline planner could not turn that into a change, so the plan is as before; "
          + "an AI planner (with an OpenAI key configured) can act on it, or try asking for a budget, an age range, "
          + "a tone or something to mention.");
    }
  }

  /** The daily budget asked for, in minor units of the plan's currency, before the limits. */
  private static long requested(OwnerFeedback.Budget budget, long current, Limits limits, List<String> why) {
    return switch (budget) {
      case OwnerFeedback.Relative r -> BigDecimal.valueOf(current).multiply(r.factor()).setScale(0, RoundingMode.FLOOR).longValueExact();
      case OwnerFeedback.Absolute a -> {
        if (a.currency() != null && !a.currency().equals(limits.currency())) {
          why.add("your budget is in " + limits.currency() + ", so I read " + a.amount().toPlainString() + " " + a.currency() + " as "
              + limits.currency() + " " + a.amount().toPlainString());
        }
        long minor = Money.validCurrency(limits.currency()).isPresent()
            ? Money.toMinor(a.amount(), limits.currency())
            : a.amount().setScale(0, RoundingMode.HALF_UP).longValueExact();
        OwnerFeedback.Period period = a.period() != null ? a.period()
            : minor <= limits.maxDaily() * 3 / 2 ? OwnerFeedback.Period.DAY : OwnerFeedback.Period.MONTH;
        yield switch (period) {
          case DAY -> minor;
          case WEEK -> minor / 7;
          case MONTH -> Math.max(0, (Math.multiplyExact(minor + 1, 10L) - 1) / 304);
        };
      }
    };
  }

  // ------------------------------------------------------------------ output

  private static ObjectNode output(Draft d, Limits limits, JsonNode brief, List<String> notes) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("campaignName", fit(d.campaignName, 100));
    json.put("objective", limits.objective());
    json.put("dailyBudget", d.dailyBudget);
    ArrayNode sets = json.putArray("adSets");
    for (int i = 0; i < d.sets.size(); i++) {
      SetDraft s = d.sets.get(i);
      ObjectNode set = sets.addObject();
      set.put("key", "s" + (i + 1));
      set.put("name", s.name);
      set.put("ageMin", s.ageMin);
      set.put("ageMax", s.ageMax);
      set.put("genders", s.genders);
      s.countries.forEach(set.putArray("countries")::add);
      s.cities.forEach(set.putArray("cities")::add);
      s.interests.forEach(set.putArray("interests")::add);
      ArrayNode ads = set.putArray("ads");
      for (int j = 0; j < s.adNames.size(); j++) {
        ads.addObject().put("key", "s" + (i + 1) + "a" + (j + 1)).put("name", s.adNames.get(j)).put("angle", angle(angleOf(i, j), brief));
      }
    }
    json.put("explanation", explanation(d, limits, brief, notes));
    json.put("offline", true);
    return json;
  }

  /**
   * The message (0 benefit, 1 why us, 2 try it) of ad {@code ad} of ad set {@code set}: rotated per
   * ad set, so two ad sets do not test the same pair. The copywriter uses the same rotation.
   */
  static int angleOf(int set, int ad) {
    return (set + ad) % ANGLE_NAMES.length;
  }

  private static String angle(int index, JsonNode brief) {
    String usp = brief.path("uniqueSellingPoint").asText("");
    return switch (index % 3) {
      case 0 -> "Lead with what the customer gets from " + productWords(brief) + ".";
      case 1 -> usp.isBlank() ? "Show the business and the people behind it: why customers choose it." : "Show what makes the business different: " + usp + ".";
      default -> "Invite people to try it now, with a clear next step.";
    };
  }

  private static String explanation(Draft d, Limits limits, JsonNode brief, List<String> notes) {
    StringBuilder text = new StringBuilder("Offline plan: no AI model is configured, so Aigency drafted this from its templates. ");
    String where = d.sets.getFirst().cities.isEmpty()
        ? String.join(", ", d.sets.getFirst().countries.stream().map(Places::countryName).toList())
        : String.join(", ", d.sets.getFirst().cities);
    text.append("This ").append(goalWords(limits.objective())).append(" campaign promotes ").append(fit(productWords(brief), 120))
        .append(" to people in ").append(where).append(", spending ").append(limits.money(d.dailyBudget)).append(" a day (about ")
        .append(limits.money(d.dailyBudget * 304 / 10)).append(" over an average month, within your monthly budget of ")
        .append(limits.money(limits.monthlyBudget())).append("). ");
    List<String> sets = new ArrayList<>();
    for (SetDraft s : d.sets) {
      sets.add("\"" + s.name + "\" (ages " + s.ageMin + "-" + s.ageMax + (s.genders.equals("ALL") ? "" : s.genders.equals("FEMALE") ? ", women" : ", men")
          + (s.interests.isEmpty() ? ", letting Meta find the people most likely to respond" : ", interested in " + String.join(", ", s.interests)) + ")");
    }
    text.append(d.sets.size() == 1 ? "It has one ad set, " : "It has " + d.sets.size() + " ad sets, ").append(String.join(" and ", sets))
        .append(d.sets.size() == 1 ? ", with " : ", each with ").append("ads carrying different messages, so Meta can show more of the ad that works best. ");
    for (String note : notes) {
      text.append(note).append(' ');
    }
    return fit(text.toString().strip(), 2000);
  }

  private static String goalWords(String objective) {
    return switch (objective) {
      case "OUTCOME_LEADS" -> "lead";
      case "OUTCOME_SALES" -> "sales";
      case "OUTCOME_TRAFFIC" -> "website traffic";
      case "OUTCOME_APP_PROMOTION" -> "app install";
      default -> "advertising";
    };
  }

  private static String goalLabel(String objective) {
    return switch (objective) {
      case "OUTCOME_LEADS" -> "Leads";
      case "OUTCOME_SALES" -> "Sales";
      case "OUTCOME_TRAFFIC" -> "Traffic";
      case "OUTCOME_APP_PROMOTION" -> "App installs";
      default -> "Campaign";
    };
  }

  // ------------------------------------------------------------------ text helpers (shared with the copywriter)

  /** The product, else the business description, else "the business", without trailing punctuation. */
  static String productWords(JsonNode brief) {
    for (String field : List.of("product", "businessDescription")) {
      String value = brief.path(field).asText("").strip().replaceAll("[\\s.!;:,]+$", "");
      if (!value.isEmpty()) {
        return value;
      }
    }
    return "the business";
  }

  /** At most {@code max} characters, cut at a word boundary. */
  static String fit(String text, int max) {
    String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (t.codePointCount(0, t.length()) <= max) {
      return t;
    }
    int end = t.offsetByCodePoints(0, max);
    int cut = t.lastIndexOf(' ', end);
    String kept = t.substring(0, cut > max / 2 ? cut : end);
    String tidy;
    do {
      tidy = kept;
      kept = DANGLING.matcher(kept).replaceFirst("");
    } while (!kept.equals(tidy) && kept.length() > max / 2);
    return tidy.replaceAll("[\\s,;:-]+$", "");
  }

  static String capitalise(String text) {
    return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
