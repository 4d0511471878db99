package com.aigency.shared.campaigns.plan;

import com.aigency.shared.campaigns.Objective;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.meta.CurrencyOffsets;
import com.aigency.shared.meta.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a brief allows a plan to be: the objective its goal calls for, the currency, the daily
 * budget range (Meta's minimum up to what the monthly budget pays for over an average month of
 * {@value #DAYS_PER_MONTH_TEXT} days), and the page every ad links to.
 *
 * @param minDailyBudget Meta's minimum daily budget (per ad set the campaign budget funds)
 * @param maxDailyBudget the largest daily budget {@code d}, a multiple of {@code budgetStep}, with
 *     {@code floor(d * 30.4) <= monthlyBudget}
 * @param budgetStep the minor units a daily budget must be a multiple of: 1, except where Meta's
 *     unit is coarser than the ISO minor unit (100 for HUF, IDR, COP, CRC, TWD: whole units; 10
 *     for BHD, JOD)
 * @param linkUrl the brief's website, with {@code http://} upgraded to {@code https://}
 */
public record PlanLimits(
    Objective objective,
    String currency,
    long monthlyBudget,
    long minDailyBudget,
    long maxDailyBudget,
    long budgetStep,
    String linkUrl) {

  public static final int MAX_AD_SETS = 3;
  public static final int MAX_ADS_PER_AD_SET = 3;
  public static final int MIN_AGE = 18;
  /** Meta's oldest age bucket: 65 means "65 and older". */
  public static final int MAX_AGE = 65;

  static final String DAYS_PER_MONTH_TEXT = "30.4";

  /**
   * The limits of a brief that can be planned.
   *
   * @throws Plan.Invalid when it cannot be: no goal, a currency without a planning rate, no
   *     http(s) website to link to, or a monthly budget below Meta's daily minimum times 30.4
   */
  public static PlanLimits of(ProjectBrief brief) {
    List<String> problems = new ArrayList<>();
    if (brief.goal() == null) {
      problems.add("the brief has no goal (leads, sales, traffic or app installs)");
    }
    String currency = brief.currency();
    Optional<Long> minimum = PlanningCurrencies.minimumDailyBudget(currency);
    if (minimum.isEmpty()) {
      problems.add("Aigency cannot plan ads in the currency " + currency + " (Meta does not take it, or it has no planning rate)");
    }
    Optional<String> link = linkUrl(brief.websiteUrl());
    if (link.isEmpty()) {
      problems.add("the brief has no website for the ads to link to; add an http(s) website to the brief");
    }
    long step = minimum.isPresent() ? budgetStep(currency) : 1;
    long maxDaily = maxDailyBudget(brief.monthlyBudget());
    maxDaily -= Math.floorMod(maxDaily, step);
    if (minimum.isPresent() && maxDaily < minimum.get()) {
      problems.add(
          "a monthly budget of " + MoneyText.format(brief.monthlyBudget(), currency) + " is below Meta's minimum of "
              + MoneyText.format(minimum.get(), currency) + " a day (" + MoneyText.format(monthlySpend(minimum.get()), currency)
              + " a month)");
    }
    if (!problems.isEmpty()) {
      throw new Plan.Invalid("This brief cannot be planned: " + String.join("; ", problems) + ".");
    }
    return new PlanLimits(Objective.forGoal(brief.goal()), currency, brief.monthlyBudget(), minimum.get(), maxDaily, step, link.get());
  }

  /**
   * The minor units a daily budget in {@code currency} must be a multiple of for Meta to take it
   * exactly ({@link CurrencyOffsets#toMetaAmount}): 1 for most currencies.
   */
  public static long budgetStep(String currency) {
    int finer = Money.fractionDigits(currency) - (CurrencyOffsets.offset(currency) == 1 ? 0 : 2);
    return finer <= 0 ? 1 : BigDecimal.ONE.movePointRight(finer).longValueExact();
  }

  /** What a daily budget spends over an average month: {@code floor(daily * 30.4)}. */
  public static long monthlySpend(long dailyBudget) {
    return Math.multiplyExact(dailyBudget, 304L) / 10;
  }

  /** The largest daily budget whose {@link #monthlySpend} fits in {@code monthlyBudget}. */
  public static long maxDailyBudget(long monthlyBudget) {
    if (monthlyBudget < 0) {
      return -1;
    }
    // floor(d * 304 / 10) <= M  <=>  d * 304 < (M + 1) * 10
    return (Math.multiplyExact(monthlyBudget + 1, 10L) - 1) / 304;
  }

  /** Ad sets that a daily budget can fund with Meta's minimum each. */
  public long adSetsFundable(long dailyBudget) {
    return dailyBudget / minDailyBudget;
  }

  /**
   * The page ads link to for a website: an absolute http(s) URL with a host, upgraded to https.
   * Empty when there is none.
   */
  public static Optional<String> linkUrl(String website) {
    if (website == null || website.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(website.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return Optional.empty();
      }
      return Optional.of("https" + website.strip().substring(uri.getScheme().length()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Two links to the same page: same URL up to the case of scheme and host, and a bare "/" path. */
  static boolean samePage(String a, String b) {
    return normalised(a).equals(normalised(b));
  }

  private static String normalised(String url) {
    try {
      URI uri = new URI(url.strip());
      String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
      return (uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT)) + "://"
          + (uri.getRawAuthority() == null ? "" : uri.getRawAuthority().toLowerCase(Locale.ROOT))
          + path
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
          + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    } catch (URISyntaxException e) {
      return url;
    }
  }
}
