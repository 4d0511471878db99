package com.aigency.shared.agents.offline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Broad Meta interests for a brief, from keywords in its product, description and audience (a
 * fixed table, first match first; at most {@value #MAX}). A brief matching none gets no interests:
 * the offline planner never invents an interest Meta may not know.
 */
final class Interests {
  static final int MAX = 4;

  private record Entry(Pattern keywords, List<String> interests) {}

  private static final List<Entry> TABLE = List.of(
      entry("bak(?:e|er|ery|eries|ing)|bread|sourdough|pastr(?:y|ies)|cakes?|croissants?", "Baking", "Bakeries"),
      entry("coffee|caf[eé]s?|espresso|barista", "Coffee", "Coffeehouses"),
      entry("restaurants?|dining|bistro|pizza|burgers?|sushi|takeaway|brunch", "Restaurants", "Food"),
      entry("fitness|gyms?|workouts?|personal trainer|crossfit", "Physical fitness"),
      entry("yoga|pilates|meditation", "Yoga"),
      entry("fashion|clothing|clothes|apparel|dresses|boutique", "Fashion"),
      entry("jewel(?:le)?ry|rings|necklaces", "Jewelry"),
      entry("beauty|cosmetics?|skin ?care|make-?up|spa", "Beauty", "Skin care"),
      entry("hair|salon|barbers?|hairdresser", "Hair care"),
      entry("pets?|dogs?|cats?|puppy|grooming|vet(?:erinary)?", "Pets"),
      entry("travel|hotels?|hostels?|tours?|holidays?|vacations?", "Travel"),
      entry("weddings?|bridal", "Weddings"),
      entry("real estate|property|properties|apartments?|realtor", "Real estate"),
      entry("software|saas|apps?|startups?", "Software", "Mobile apps"),
      entry("games?|gaming", "Video games"),
      entry("courses?|tutor(?:ing)?|lessons?|classes|school|education|learning", "Education"),
      entry("accounting|bookkeeping|tax(?:es)?|insurance|loans?|mortgages?|finance", "Personal finance"),
      entry("gardens?|gardening|plants?|florist|flowers", "Gardening"),
      entry("wine|winery|beer|brewery|craft beer", "Wine"),
      entry("candles?|home decor|interior design|furniture", "Home decor"),
      entry("bikes?|bicycles?|cycling", "Cycling"),
      entry("photograph(?:y|er|ers)", "Photography"),
      entry("music|guitars?|concerts?", "Music"),
      entry("babies|baby|kids|children|parents|mums|moms|mothers", "Parenting"),
      entry("dental|dentists?|clinics?|physio(?:therapy)?|health|wellness|massage", "Health & wellness"),
      entry("cars?|auto(?:motive)?|garage|mechanic", "Vehicles"),
      entry("books?|bookshop|bookstore", "Books"),
      entry("organic|vegan|plant-based", "Organic food"));

  private static Entry entry(String keywords, String... interests) {
    return new Entry(Pattern.compile("(?i)\\b(?:" + keywords + ")\\b"), List.of(interests));
  }

  private Interests() {}

  static List<String> of(String... texts) {
    Set<String> found = new LinkedHashSet<>();
    for (Entry entry : TABLE) {
      for (String text : texts) {
        if (text != null && entry.keywords().matcher(text).find()) {
          found.addAll(entry.interests());
          break;
        }
      }
    }
    List<String> list = new ArrayList<>(found);
    return List.copyOf(list.subList(0, Math.min(MAX, list.size())));
  }
}
