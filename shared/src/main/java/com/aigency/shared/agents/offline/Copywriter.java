package com.aigency.shared.agents.offline;

import com.aigency.shared.agents.ModelRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The offline ad copywriter: deterministic copy for every ad placeholder of the copy context (see
 * {@code CampaignPlanner}; prompt agents/copywriter/prompt.v1.md), from templates filled with the
 * brief's own words (product, description, what makes it different, location), never an invented
 * fact. Ad n of ad set m uses template (m + n) mod 3 (benefit, why us, try it), the rotation the
 * offline planner names its ads by. Every piece is cut to the copy limits at a word boundary.
 *
 * <p>All the owner's feedback so far applies, as {@link OwnerFeedback} reads it: the newest tone
 * (playful, professional, urgent) changes openers, headlines, closings and the image mood;
 * "shorter" keeps only the essentials; each thing to mention (at most three) becomes a sentence of
 * every ad's primary text, and the first that fits becomes the description.
 */
public final class Copywriter implements OfflineAgent {
  public static final String AGENT = "copywriter";
  /** Starts the user message that carries the copy context JSON. */
  public static final String CONTEXT_PREFIX = "Copy context: ";

  private static final int MAX_MENTIONS = 3;

  @Override
  public String name() {
    return AGENT;
  }

  @Override
  public ObjectNode respond(ModelRequest request) {
    JsonNode context = Planner.context(request, CONTEXT_PREFIX);
    JsonNode brief = context.path("brief");
    Style style = Style.from(context.path("feedback"));
    List<String> allowed = new ArrayList<>();
    context.path("allowedCallsToAction").forEach(c -> allowed.add(c.asText()));
    String objective = context.path("objective").asText();
    String link = context.path("linkUrl").asText(brief.path("websiteUrl").asText(""));
    int headlineMax = context.path("limits").path("headline").asInt(40);
    int primaryMax = context.path("limits").path("primaryText").asInt(500);
    int descriptionMax = context.path("limits").path("description").asInt(30);

    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode ads = json.putArray("ads");
    int setIndex = 0;
    for (JsonNode set : context.path("adSets")) {
      String city = set.path("cities").path(0).asText("");
      int adIndex = 0;
      for (JsonNode ad : set.path("ads")) {
        int index = Planner.angleOf(setIndex, adIndex++);
        Copy copy = write(index, brief, objective, city, style);
        ads.addObject()
            .put("key", ad.path("key").asText())
            .put("headline", Planner.fit(copy.headline(), headlineMax))
            .put("primaryText", Planner.fit(copy.primaryText(), primaryMax))
            .put("description", Planner.fit(copy.description(descriptionMax), descriptionMax))
            .put("callToAction", callToAction(objective, allowed, index))
            .put("imagePrompt", Planner.fit(imagePrompt(index, brief, city, style, ad.path("angle").asText("")), 1000))
            .put("linkUrl", link);
      }
      setIndex++;
    }
    json.put("offline", true);
    return json;
  }

  /** Tone, brevity and mentions gathered from all feedback, oldest first (a newer tone wins). */
  record Style(Optional<OwnerFeedback.Tone> tone, boolean shorter, List<String> mentions) {
    static Style from(JsonNode feedback) {
      Optional<OwnerFeedback.Tone> tone = Optional.empty();
      boolean shorter = false;
      Map<String, String> mentions = new LinkedHashMap<>();
      for (JsonNode said : feedback) {
        OwnerFeedback read = OwnerFeedback.read(said.asText());
        if (read.tone().isPresent()) {
          tone = read.tone();
        }
        shorter |= read.shorter();
        read.mentions().forEach(m -> mentions.putIfAbsent(m.toLowerCase(Locale.ROOT), m));
      }
      List<String> kept = new ArrayList<>(mentions.values());
      return new Style(tone, shorter, List.copyOf(kept.subList(0, Math.min(MAX_MENTIONS, kept.size()))));
    }

    boolean is(OwnerFeedback.Tone t) {
      return tone.isPresent() && tone.get() == t;
    }
  }

  private record Copy(String headline, String primaryText, List<String> descriptions) {
    String description(int max) {
      for (String d : descriptions) {
        if (!d.isBlank() && d.codePointCount(0, d.length()) <= max) {
          return d;
        }
      }
      return descriptions.getLast();
    }
  }

  private static Copy write(int index, JsonNode brief, String objective, String city, Style style) {
    String product = Planner.productWords(brief);
    String business = sentence(Planner.fit(brief.path("businessDescription").asText(""), 160));
    String usp = Planner.fit(brief.path("uniqueSellingPoint").asText("").strip().replaceAll("[\\s.!;:,]+$", ""), 140);
    String place = city.isBlank() ? "" : " in " + city;

    String headline;
    List<String> body = new ArrayList<>();
    switch (index % 3) {
      case 0 -> {
        String named = Planner.capitalise(product) + place;
        headline = style.is(OwnerFeedback.Tone.PLAYFUL) ? "Say hello to " + product
            : named.codePointCount(0, named.length()) <= 40 ? named : Planner.capitalise(product);
        body.add(business);
        if (!style.shorter()) {
          body.add(usp.isEmpty() ? "" : sentence(usp));
        }
      }
      case 1 -> {
        headline = usp.isEmpty() ? (style.is(OwnerFeedback.Tone.PLAYFUL) ? "Why people love us" : "Why customers choose us") : Planner.capitalise(usp);
        body.add(usp.isEmpty() ? business : "Why choose us? " + sentence(usp));
        if (!style.shorter() && !usp.isEmpty()) {
          body.add(business);
        }
      }
      default -> {
        headline = style.is(OwnerFeedback.Tone.PLAYFUL) ? "Go on, try " + product : "Try " + product + " today";
        body.add("Looking for " + product + place + "?");
        if (!style.shorter()) {
          body.add(business);
        }
      }
    }
    if (style.is(OwnerFeedback.Tone.PLAYFUL) && !headline.endsWith("!")) {
      headline = Planner.fit(headline, 39) + "!";
    }
    if (style.is(OwnerFeedback.Tone.FORMAL) || style.is(OwnerFeedback.Tone.URGENT)) {
      headline = headline.replace("!", "");
    }
    for (String mention : style.mentions()) {
      body.add(sentence(Planner.capitalise(mention)));
    }
    body.add(closing(objective, style));
    List<String> parts = new ArrayList<>();
    if (style.is(OwnerFeedback.Tone.PLAYFUL)) {
      parts.add(index % 2 == 0 ? "Good news!" : "Psst!");
    }
    body.stream().filter(s -> !s.isBlank()).forEach(parts::add);
    String primary = String.join(" ", parts);
    if (style.is(OwnerFeedback.Tone.FORMAL)) {
      primary = primary.replace("!", ".");
    }
    List<String> descriptions = new ArrayList<>();
    style.mentions().forEach(m -> descriptions.add(Planner.capitalise(m)));
    descriptions.add(description(objective, style));
    return new Copy(headline, primary, descriptions);
  }

  private static String closing(String objective, Style style) {
    boolean playful = style.is(OwnerFeedback.Tone.PLAYFUL);
    boolean urgent = style.is(OwnerFeedback.Tone.URGENT);
    return switch (objective) {
      case "OUTCOME_SALES" -> playful ? "Go on, treat yourself today!" : urgent ? "Don't wait: order yours today." : "Order yours today.";
      case "OUTCOME_LEADS" -> playful ? "Drop us a line, we'd love to hear from you!" : urgent ? "Don't wait: get in touch today." : "Get in touch today.";
      case "OUTCOME_APP_PROMOTION" -> playful ? "Grab the app and see for yourself!" : urgent ? "Don't wait: get the app today." : "Get the app today.";
      default -> playful ? "Come and take a look!" : urgent ? "Don't wait: take a look today." : "Find out more on our website.";
    };
  }

  private static String description(String objective, Style style) {
    boolean playful = style.is(OwnerFeedback.Tone.PLAYFUL);
    return switch (objective) {
      case "OUTCOME_SALES" -> playful ? "Treat yourself today!" : "Order online today";
      case "OUTCOME_LEADS" -> playful ? "Say hi today!" : "Get in touch today";
      case "OUTCOME_APP_PROMOTION" -> playful ? "Tap, install, enjoy!" : "Get the app today";
      default -> playful ? "Come take a look!" : "See more on our website";
    };
  }

  /** The objective's usual button, varied between ads when another fits: shop/order, sign up/contact... */
  private static String callToAction(String objective, List<String> allowed, int index) {
    List<String> preferred = switch (objective) {
      case "OUTCOME_SALES" -> List.of("SHOP_NOW", "ORDER_NOW", "GET_OFFER");
      case "OUTCOME_LEADS" -> List.of("SIGN_UP", "CONTACT_US", "GET_QUOTE");
      case "OUTCOME_APP_PROMOTION" -> List.of("INSTALL_MOBILE_APP", "DOWNLOAD", "LEARN_MORE");
      default -> List.of("LEARN_MORE", "SHOP_NOW", "SIGN_UP");
    };
    List<String> usable = preferred.stream().filter(c -> allowed.isEmpty() || allowed.contains(c)).toList();
    if (usable.isEmpty()) {
      return allowed.getFirst();
    }
    return usable.get(index % Math.min(2, usable.size()));
  }

  private static String imagePrompt(int index, JsonNode brief, String city, Style style, String angle) {
    String subject = switch (index % 3) {
      case 0 -> Planner.productWords(brief) + ", shown close up in an inviting setting";
      case 1 -> "the people behind " + Planner.fit(brief.path("businessDescription").asText(Planner.productWords(brief)), 120) + ", at work";
      default -> "a happy customer enjoying " + Planner.productWords(brief);
    };
    String mood = style.is(OwnerFeedback.Tone.PLAYFUL) ? "Bright, colourful and fun mood."
        : style.is(OwnerFeedback.Tone.FORMAL) ? "Clean, elegant, premium mood."
        : "Warm, natural light, authentic and inviting.";
    return "Square 1:1 photo for a Facebook and Instagram ad: " + subject + (city.isBlank() ? "" : ", with a hint of " + city) + ". "
        + mood + " No text, no logos, no watermarks." + (angle.isBlank() ? "" : " The ad's message: " + Planner.fit(angle, 200));
  }

  private static String sentence(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return "";
    }
    t = Planner.capitalise(t);
    return t.matches(".*[.!?]$") ? t : t + ".";
  }
}
