package com.aigency.local.cli;

import com.aigency.shared.campaigns.plan.MoneyText;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo's second half, the main job: connect Facebook (the simulator's dialog), choose the ad
 * account, launch, show the plan the agents drafted, decide as the owner (approve, or ask the user
 * with {@code --interactive}), follow the deployment step by step, and show the campaign live in
 * the Meta simulator.
 */
final class DemoLaunch {
  /** An HTTP call to the local API that must answer {@code expected}. */
  interface Api {
    JsonNode call(String method, String path, String key, String body, int expected) throws Exception;
  }

  private static final Duration WAIT = Duration.ofSeconds(90);

  private final PrintStream out;
  private final BufferedReader in;
  private final boolean interactive;
  private final Api api;
  private final String apiBase;
  private final String meta;
  private final HttpClient http = HttpClient.newHttpClient();

  DemoLaunch(PrintStream out, BufferedReader in, boolean interactive, Api api, String apiBase, String meta) {
    this.out = out;
    this.apiBase = apiBase;
    this.in = in;
    this.interactive = interactive;
    this.api = api;
    this.meta = meta;
  }

  /** Runs the launch for the project; returns the outcome in one line (starts with FAILED on failure). */
  String run(String key, String project) throws Exception {
    step("Connect Facebook: GET /auth/facebook -> Meta's dialog (the simulator consents) -> our callback");
    URI back = new OAuthBrowser().connect(apiBase, key, project);
    out.println("  back in the app at " + back);
    JsonNode accounts = api.call("GET", "/projects/" + project + "/ad-accounts", key, null, 200);
    String account = null;
    for (JsonNode a : accounts.get("adAccounts")) {
      out.println("  ad account " + a.get("id").asText() + "  " + a.get("name").asText() + " (" + a.get("currency").asText() + ")");
      if (account == null && a.get("currency").asText().equals("EUR")) {
        account = a.get("id").asText();
      }
    }
    api.call("PUT", "/projects/" + project + "/ad-account", key, "{\"adAccountId\":\"" + account + "\"}", 200);
    out.println("  selected " + account + "; the token is stored sealed with KMS, never shown");

    step("POST /projects/" + project + "/campaigns  (starts the campaign-launch state machine)");
    JsonNode campaign = api.call("POST", "/projects/" + project + "/campaigns", key, "{}", 202);
    String id = campaign.get("id").asText();
    out.println("  campaign " + id + " is " + campaign.get("status").asText());

    int round = 1;
    while (true) {
      step("The planner and copywriter agents draft round " + round + "; waiting for the approval request");
      JsonNode approval = waitForApproval(key, id, round);
      printPlan(api.call("GET", "/campaigns/" + id, key, null, 200));
      String decision = decide();
      String approvalId = approval.get("id").asText();
      if (decision.equals("approve")) {
        out.println("  as the owner: POST /approvals/" + approvalId + "/approve");
        api.call("POST", "/approvals/" + approvalId + "/approve", key, null, 200);
        break;
      }
      if (decision.equals("reject")) {
        out.println("  as the owner: POST /approvals/" + approvalId + "/reject");
        api.call("POST", "/approvals/" + approvalId + "/reject", key, null, 200);
        JsonNode cancelled = waitForStatus(key, id, List.of("CANCELLED", "FAILED"));
        return "the owner rejected the plan; campaign " + id + " is " + cancelled.get("status").asText() + " and nothing was created at Meta.";
      }
      String feedback = decision.substring("changes:".length());
      out.println("  as the owner: POST /approvals/" + approvalId + "/request-changes  \"" + feedback + "\"");
      api.call("POST", "/approvals/" + approvalId + "/request-changes", key, Json.write(Map.of("feedback", feedback)), 200);
      round++;
    }

    step("Deployment to Meta: created PAUSED step by step, each id recorded before the next, then activated");
    JsonNode done = followDeployment(key, id);
    if (!done.get("status").asText().equals("ACTIVE")) {
      return "FAILED: campaign " + id + " ended " + done.get("status").asText() + ": " + done.path("failure").asText();
    }
    step("In the Meta simulator (" + meta + "/__admin/state)");
    int active = 0;
    for (JsonNode o : Json.read(get(meta + "/__admin/state")).get("objects")) {
      if (("act_" + o.path("account_id").asText()).equals(account) && List.of("campaign", "adset", "ad").contains(o.path("_type").asText())) {
        out.printf("  %-8s %s  %-7s %s%n", o.get("_type").asText(), o.get("id").asText(), o.get("status").asText(), o.path("name").asText());
        active += o.get("status").asText().equals("ACTIVE") ? 1 : 0;
      }
    }
    JsonNode activity = api.call("GET", "/projects/" + project + "/activity", key, null, 200);
    step("GET /projects/" + project + "/activity");
    for (JsonNode a : activity.get("items")) {
      out.println("  " + a.get("createdAt").asText() + "  " + a.get("title").asText());
    }
    return "campaign " + id + " is ACTIVE with " + active + " live objects at Meta (campaign, ad sets, ads).";
  }

  private JsonNode waitForApproval(String key, String campaignId, int round) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      for (JsonNode a : api.call("GET", "/approvals?status=PENDING", key, null, 200).get("items")) {
        if (a.get("campaignId").asText().equals(campaignId) && a.get("round").asInt() == round) {
          return a;
        }
      }
      JsonNode c = api.call("GET", "/campaigns/" + campaignId, key, null, 200);
      if (List.of("FAILED", "CANCELLED").contains(c.get("status").asText())) {
        throw new IllegalStateException("the launch ended " + c.get("status").asText() + ": " + c.path("failure").asText());
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException("no approval request within " + WAIT.toSeconds() + " s");
  }

  private void printPlan(JsonNode campaign) {
    JsonNode plan = campaign.get("plan");
    JsonNode s = plan.get("structure");
    out.printf("  \"%s\"  %s, %s a day%n", s.get("name").asText(), s.get("objective").asText(),
        MoneyText.format(s.get("dailyBudget").asLong(), s.get("currency").asText()));
    for (JsonNode set : s.get("adSets")) {
      JsonNode t = set.get("targeting");
      out.printf("    ad set %s: ages %d-%d, %s%n", set.get("name").asText(), t.get("ageMin").asInt(), t.get("ageMax").asInt(),
          t.get("countries"));
      for (JsonNode ad : set.get("ads")) {
        out.printf("      ad \"%s\" [%s]: %s%n", ad.get("headline").asText(), ad.get("callToAction").asText(),
            ad.get("primaryText").asText());
      }
    }
    out.println("  why: " + plan.path("explanation").asText());
    JsonNode p = plan.get("projection");
    if (p != null) {
      out.printf("  expect per month: %d-%d %s, %d-%d impressions%n", p.get("resultsLow").asLong(), p.get("resultsHigh").asLong(),
          p.get("resultName").asText(), p.get("impressionsLow").asLong(), p.get("impressionsHigh").asLong());
    }
  }

  /** "approve", "reject", or "changes:<feedback>". */
  private String decide() throws Exception {
    if (!interactive) {
      return "approve";
    }
    while (true) {
      out.print("  approve (a), request changes (c <what to change>), or reject (r)? ");
      out.flush();
      String line = in.readLine();
      if (line == null) {
        return "approve";
      }
      line = line.strip();
      if (line.equals("a")) {
        return "approve";
      }
      if (line.equals("r")) {
        return "reject";
      }
      if (line.startsWith("c ") && line.length() > 2) {
        return "changes:" + line.substring(2).strip();
      }
    }
  }

  private JsonNode followDeployment(String key, String id) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      JsonNode c = api.call("GET", "/campaigns/" + id, key, null, 200);
      List<String> parts = new ArrayList<>();
      for (JsonNode step : c.at("/deployment/steps")) {
        parts.add(step.get("step").asText() + " " + step.get("done").asInt() + "/" + step.get("total").asInt());
      }
      String line = c.get("status").asText() + "  " + String.join(", ", parts);
      if (!line.equals(last)) {
        out.println("  " + line);
        last = line;
      }
      if (List.of("ACTIVE", "FAILED", "CANCELLED").contains(c.get("status").asText())) {
        JsonNode d = c.get("deployment");
        out.println("  Meta campaign " + d.path("campaignId").asText() + ", ad sets " + d.get("adSets") + ", ads " + d.get("ads"));
        return c;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the deployment did not finish within " + WAIT.toSeconds() + " s");
  }

  private JsonNode waitForStatus(String key, String id, List<String> statuses) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      JsonNode c = api.call("GET", "/campaigns/" + id, key, null, 200);
      if (statuses.contains(c.get("status").asText())) {
        return c;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("campaign " + id + " did not reach " + statuses);
  }

  private String get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private void step(String text) {
    out.println();
    out.println("==> " + text);
  }
}
