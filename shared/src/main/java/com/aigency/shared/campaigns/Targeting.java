package com.aigency.shared.campaigns;

import java.util.List;

/**
 * Who an ad set reaches.
 *
 * @param countries ISO 3166-1 alpha-2 codes
 * @param cities free-text city names as the brief gives them (resolved to Meta keys at deploy time)
 * @param interests plain-language interests
 * @param genders ALL, MALE or FEMALE
 */
public record Targeting(
    int ageMin, int ageMax, String genders, List<String> countries, List<String> cities, List<String> interests) {
  public Targeting {
    countries = countries == null ? List.of() : List.copyOf(countries);
    cities = cities == null ? List.of() : List.copyOf(cities);
    interests = interests == null ? List.of() : List.copyOf(interests);
    genders = genders == null ? "ALL" : genders;
  }
}
