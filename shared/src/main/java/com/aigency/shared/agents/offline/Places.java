package com.aigency.shared.agents.offline;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Countries and cities in a brief's free-text location, for the offline planner: every country's
 * English name (as the JDK knows it) and common aliases ("UK", "USA", "Holland"), the US states,
 * and about a hundred large cities, matched as whole words, longest first (so "New Jersey" is not
 * Jersey). Short or ambiguous names ("US", "Nice", "Jordan", "Turkey") count only with their
 * capitalisation. When nothing matches, the website's country-code domain (.pt, .de, .co.uk) and
 * then the budget's currency (GBP is GB, JPY is JP) stand in, and the caller says so.
 */
final class Places {
  private Places() {}

  /** Countries in order of appearance, and the cities named. */
  record Found(List<String> countries, List<String> cities) {}

  private record Name(String text, String country, boolean city, Pattern pattern) {}

  private static final Set<String> CASE_SENSITIVE =
      Set.of("Nice", "Jordan", "Turkey", "China", "Chad", "Jersey", "Georgia", "Guinea", "Niger", "Chile", "Reading", "Mobile",
          "Victoria", "Split", "Bath", "Cork", "Perth", "Male", "Norway", "Israel", "Oman", "Peru", "Cuba", "Malta", "Panama",
          "Orange", "Austin", "Phoenix", "Dallas", "Washington", "Ireland", "Wales");

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("UK", "GB"), Map.entry("U.K.", "GB"), Map.entry("Britain", "GB"), Map.entry("Great Britain", "GB"),
      Map.entry("England", "GB"), Map.entry("Scotland", "GB"), Map.entry("Wales", "GB"), Map.entry("Northern Ireland", "GB"),
      Map.entry("USA", "US"), Map.entry("U.S.", "US"), Map.entry("U.S.A.", "US"), Map.entry("US", "US"),
      Map.entry("United States of America", "US"), Map.entry("America", "US"), Map.entry("the States", "US"),
      Map.entry("Holland", "NL"), Map.entry("the Netherlands", "NL"), Map.entry("Turkey", "TR"), Map.entry("Czech Republic", "CZ"),
      Map.entry("Korea", "KR"), Map.entry("UAE", "AE"), Map.entry("Emirates", "AE"), Map.entry("Russia", "RU"),
      Map.entry("Vietnam", "VN"), Map.entry("Ivory Coast", "CI"), Map.entry("Hong Kong", "HK"), Map.entry("Macau", "MO"),
      Map.entry("Macao", "MO"), Map.entry("Deutschland", "DE"), Map.entry("España", "ES"), Map.entry("Espana", "ES"),
      Map.entry("Brasil", "BR"), Map.entry("Italia", "IT"), Map.entry("Schweiz", "CH"), Map.entry("Suisse", "CH"),
      Map.entry("Österreich", "AT"), Map.entry("Nederland", "NL"), Map.entry("Éire", "IE"), Map.entry("Polska", "PL"));

  private static final Map<String, String> CITIES = Map.ofEntries(
      Map.entry("Lisbon", "PT"), Map.entry("Lisboa", "PT"), Map.entry("Porto", "PT"), Map.entry("Faro", "PT"),
      Map.entry("Braga", "PT"), Map.entry("Coimbra", "PT"), Map.entry("Funchal", "PT"),
      Map.entry("London", "GB"), Map.entry("Manchester", "GB"), Map.entry("Birmingham", "GB"), Map.entry("Edinburgh", "GB"),
      Map.entry("Glasgow", "GB"), Map.entry("Bristol", "GB"), Map.entry("Leeds", "GB"), Map.entry("Liverpool", "GB"),
      Map.entry("New York", "US"), Map.entry("NYC", "US"), Map.entry("Los Angeles", "US"), Map.entry("Chicago", "US"),
      Map.entry("San Francisco", "US"), Map.entry("Boston", "US"), Map.entry("Miami", "US"), Map.entry("Seattle", "US"),
      Map.entry("Austin", "US"), Map.entry("Houston", "US"), Map.entry("Dallas", "US"), Map.entry("Denver", "US"),
      Map.entry("Atlanta", "US"), Map.entry("Philadelphia", "US"), Map.entry("San Diego", "US"), Map.entry("Portland", "US"),
      Map.entry("Berlin", "DE"), Map.entry("Munich", "DE"), Map.entry("München", "DE"), Map.entry("Hamburg", "DE"),
      Map.entry("Cologne", "DE"), Map.entry("Köln", "DE"), Map.entry("Frankfurt", "DE"), Map.entry("Stuttgart", "DE"),
      Map.entry("Paris", "FR"), Map.entry("Lyon", "FR"), Map.entry("Marseille", "FR"), Map.entry("Bordeaux", "FR"),
      Map.entry("Toulouse", "FR"), Map.entry("Madrid", "ES"), Map.entry("Barcelona", "ES"), Map.entry("Valencia", "ES"),
      Map.entry("Seville", "ES"), Map.entry("Sevilla", "ES"), Map.entry("Málaga", "ES"), Map.entry("Malaga", "ES"),
      Map.entry("Rome", "IT"), Map.entry("Milan", "IT"), Map.entry("Naples", "IT"), Map.entry("Turin", "IT"),
      Map.entry("Florence", "IT"), Map.entry("Amsterdam", "NL"), Map.entry("Rotterdam", "NL"), Map.entry("Utrecht", "NL"),
      Map.entry("The Hague", "NL"), Map.entry("Brussels", "BE"), Map.entry("Antwerp", "BE"), Map.entry("Dublin", "IE"),
      Map.entry("Vienna", "AT"), Map.entry("Zurich", "CH"), Map.entry("Zürich", "CH"), Map.entry("Geneva", "CH"),
      Map.entry("Basel", "CH"), Map.entry("Copenhagen", "DK"), Map.entry("Stockholm", "SE"), Map.entry("Gothenburg", "SE"),
      Map.entry("Oslo", "NO"), Map.entry("Helsinki", "FI"), Map.entry("Warsaw", "PL"), Map.entry("Krakow", "PL"),
      Map.entry("Kraków", "PL"), Map.entry("Prague", "CZ"), Map.entry("Budapest", "HU"), Map.entry("Athens", "GR"),
      Map.entry("Toronto", "CA"), Map.entry("Vancouver", "CA"), Map.entry("Montreal", "CA"), Map.entry("Ottawa", "CA"),
      Map.entry("Calgary", "CA"), Map.entry("Sydney", "AU"), Map.entry("Melbourne", "AU"), Map.entry("Brisbane", "AU"),
      Map.entry("Adelaide", "AU"), Map.entry("Auckland", "NZ"), Map.entry("Wellington", "NZ"), Map.entry("Tokyo", "JP"),
      Map.entry("Osaka", "JP"), Map.entry("Kyoto", "JP"), Map.entry("Seoul", "KR"), Map.entry("Mumbai", "IN"),
      Map.entry("Delhi", "IN"), Map.entry("New Delhi", "IN"), Map.entry("Bangalore", "IN"), Map.entry("Bengaluru", "IN"),
      Map.entry("São Paulo", "BR"), Map.entry("Sao Paulo", "BR"), Map.entry("Rio de Janeiro", "BR"), Map.entry("Mexico City", "MX"),
      Map.entry("Buenos Aires", "AR"), Map.entry("Cape Town", "ZA"), Map.entry("Johannesburg", "ZA"), Map.entry("Dubai", "AE"),
      Map.entry("Abu Dhabi", "AE"), Map.entry("Istanbul", "TR"), Map.entry("Tel Aviv", "IL"));

  private static final List<String> US_STATES = List.of(
      "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Hawaii",
      "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts",
      "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
      "New Mexico", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
      "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin",
      "Wyoming");

  /** Single-country currencies, for when neither the location nor the website names a country. */
  private static final Map<String, String> CURRENCY_COUNTRY = Map.ofEntries(
      Map.entry("USD", "US"), Map.entry("GBP", "GB"), Map.entry("JPY", "JP"), Map.entry("CAD", "CA"), Map.entry("AUD", "AU"),
      Map.entry("NZD", "NZ"), Map.entry("CHF", "CH"), Map.entry("SEK", "SE"), Map.entry("NOK", "NO"), Map.entry("DKK", "DK"),
      Map.entry("PLN", "PL"), Map.entry("CZK", "CZ"), Map.entry("HUF", "HU"), Map.entry("RON", "RO"), Map.entry("INR", "IN"),
      Map.entry("BRL", "BR"), Map.entry("MXN", "MX"), Map.entry("ZAR", "ZA"), Map.entry("KRW", "KR"), Map.entry("SGD", "SG"),
      Map.entry("HKD", "HK"), Map.entry("TRY", "TR"), Map.entry("ILS", "IL"), Map.entry("AED", "AE"), Map.entry("ISK", "IS"));

  /** Generic-looking country-code domains that say nothing about where customers are. */
  private static final Set<String> GENERIC_TLDS = Set.of("io", "co", "me", "tv", "ai", "fm", "ly", "to", "cc", "ws", "gg", "sh", "so");

  private static final Set<String> ISO = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

  private static final List<Name> NAMES = names();

  private static List<Name> names() {
    Map<String, Name> byText = new TreeMap<>();
    for (String code : ISO) {
      String english = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
      if (!english.isBlank() && !english.equals(code)) {
        add(byText, english, code, false);
      }
    }
    ALIASES.forEach((text, code) -> add(byText, text, code, false));
    US_STATES.forEach(state -> add(byText, state, "US", false));
    CITIES.forEach((text, code) -> add(byText, text, code, true));
    List<Name> names = new ArrayList<>(byText.values());
    names.sort(Comparator.comparingInt((Name n) -> -n.text().length()).thenComparing(Name::text));
    return List.copyOf(names);
  }

  private static void add(Map<String, Name> byText, String text, String country, boolean city) {
    boolean exact = text.length() <= 3 || CASE_SENSITIVE.contains(text) || text.contains(".");
    Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}])",
        exact ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    byText.put(text, new Name(text, country, city, pattern));
  }

  /** The countries and cities named in {@code location}; empty lists when none is recognised. */
  static Found in(String location) {
    if (location == null || location.isBlank()) {
      return new Found(List.of(), List.of());
    }
    StringBuilder text = new StringBuilder(location);
    record Hit(int at, Name name) {}
    List<Hit> hits = new ArrayList<>();
    for (Name name : NAMES) {
      Matcher m = name.pattern().matcher(text);
      while (m.find()) {
        hits.add(new Hit(m.start(), name));
        for (int i = m.start(); i < m.end(); i++) {
          text.setCharAt(i, '\u0000'); // a longer name already claimed these characters
        }
      }
    }
    hits.sort(Comparator.comparingInt(Hit::at));
    Set<String> countries = new LinkedHashSet<>();
    Set<String> cities = new LinkedHashSet<>();
    for (Hit hit : hits) {
      countries.add(hit.name().country());
      if (hit.name().city()) {
        cities.add(hit.name().text());
      }
    }
    return new Found(List.copyOf(countries), List.copyOf(cities));
  }

  /** The country of a website's country-code domain (bakery.pt is PT; shop.co.uk is GB). */
  static Optional<String> fromWebsite(String website) {
    try {
      String host = URI.create(website.strip()).getHost();
      if (host == null) {
        return Optional.empty();
      }
      String tld = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      String code = tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT);
      return tld.length() == 2 && !GENERIC_TLDS.contains(tld) && ISO.contains(code) ? Optional.of(code) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<String> fromCurrency(String currency) {
    return Optional.ofNullable(currency == null ? null : CURRENCY_COUNTRY.get(currency));
  }

  /** "Portugal" for PT. */
  static String countryName(String code) {
    return Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
  }
}
