package com.aigency.shared.agents.offline;

import java.util.Locale;

/**
 * The brief fields in the order the interviewer asks for them. Each question contains a marker
 * phrase so the next turn can tell, from the previous ASSISTANT message alone, which field the
 * user's answer is for. uniqueSellingPoint and websiteUrl are optional, as in BriefInput: they are
 * asked once and may stay null.
 */
enum BriefField {
  BUSINESS_DESCRIPTION("businessDescription", true, 2000, "To get started, what does your business do?"),
  PRODUCT("product", true, 500, "Which product or service would you like to advertise first?"),
  TARGET_AUDIENCE(
      "targetAudience",
      true,
      1000,
      "Who are your ideal customers? For example their age, interests, or the kind of business they run."),
  GOAL(
      "goal",
      true,
      0,
      "What should the ads achieve most: new leads (enquiries or sign-ups), online sales, website visits, or app installs?"),
  MONTHLY_BUDGET("monthlyBudget", true, 0, "What's your monthly advertising budget, and in which currency?"),
  CURRENCY("currency", true, 0, "Which currency is that budget in (for example EUR, USD or GBP)?"),
  LOCATION(
      "location", true, 200, "Where are the customers you want to reach: a city, a region, or a whole country?"),
  UNIQUE_SELLING_POINT(
      "uniqueSellingPoint",
      false,
      500,
      "What makes you different from your competitors? If nothing comes to mind, just say \"skip\"."),
  WEBSITE_URL(
      "websiteUrl", false, 500, "Do you have a website? If so, what's the address? (Say \"no website\" if not.)");

  final String json;
  final boolean required;
  /** BriefInput's length limit for free-text fields; 0 for fields with their own format. */
  final int maxLength;

  final String question;

  BriefField(String json, boolean required, int maxLength, String question) {
    this.json = json;
    this.required = required;
    this.maxLength = maxLength;
    this.question = question;
  }

  /** Whether this assistant message asked for the field (its question's opening clause appears). */
  boolean askedIn(String assistantMessage) {
    String marker = question.toLowerCase(Locale.ROOT).split("[?:,]")[0];
    if (this == BUSINESS_DESCRIPTION) {
      marker = "what does your business do";
    }
    return assistantMessage.toLowerCase(Locale.ROOT).contains(marker);
  }
}
