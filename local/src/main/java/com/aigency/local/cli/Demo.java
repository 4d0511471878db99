package com.aigency.local.cli;

import com.aigency.local.runtime.LocalClients;
import com.aigency.local.runtime.LocalLauncher;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.json.Json;
import com.aigency.shared.tenancy.TenantService;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./aigency demo}: starts the local system in memory and walks through what the product
 * does so far, over HTTP, printing each step. Grows with every capability.
 */
final class Demo {
  private static final String BRIEF =
      """
      {"businessDescription":"Family bakery in Kreuzberg since 1987, baking sourdough every night",
       "product":"Sourdough loaves and pastries","targetAudience":"Neighbours aged 25-55 who care about real bread",
       "goal":"SALES","monthlyBudget":150000,"currency":"EUR","location":"Berlin, Germany",
       "uniqueSellingPoint":"Baked at 4am, sold by 8","websiteUrl":"https://corner-bakery.example"}""";

  private final PrintStream out;
  private final java.io.BufferedReader in;
  private final boolean interactive;
  private final HttpClient http = HttpClient.newHttpClient();
  private String api;
  private String meta;

  Demo(PrintStream out) {
    this(out, null, false);
  }

  /** With {@code interactive}, the owner's decision on each plan is read from {@code in}. */
  Demo(PrintStream out, java.io.InputStream in, boolean interactive) {
    this.out = out;
    this.in = in == null ? null : new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    this.interactive = interactive;
  }

  int run(int port) throws Exception {
    Path state = Files.createTempDirectory("aigency-demo");
    step("Starting the local system (DynamoDB Local, ElasticMQ, S3Proxy, KMS, Secrets Manager, EventBridge, functions) ...");
    var options = new LocalLauncher.Options(port, null, LocalLauncher.repoRoot().resolve("template.yaml"), state);
    try (var system = LocalLauncher.start(options, state.resolve("local.log"), Duration.ofMinutes(3))) {
      api = system.endpoints().api();
      meta = system.endpoints().meta();
      out.println("  HTTP API on " + api + " (logs: " + state.resolve("local.log") + ")");

      step("Creating two tenants (agencies); each gets an API key, stored only as a hash");
      TenantService.NewTenant bakery;
      TenantService.NewTenant other;
      try (DynamoDbClient dynamo = LocalClients.dynamo(system.endpoints())) {
        TenantService tenants = LocalClients.tenants(dynamo, options.templateFile(), system.endpoints());
        bakery = tenants.createTenant("Corner Bakery Agency", Set.of(Scope.APP));
        other = tenants.createTenant("Another Agency", Set.of(Scope.APP));
      }
      out.println("  tenant " + bakery.tenantId() + ", key " + bakery.apiKey().substring(0, 8) + "...");

      step("POST /projects");
      JsonNode project = call("POST", "/projects", bakery.apiKey(), "{\"name\":\"Corner Bakery\"}", 201);
      String id = project.get("id").asText();
      out.println("  project " + id);

      step("The owner describes the business in the onboarding chat (offline model: no OpenAI key configured)");
      String[] owner = {
        "Hi! We're a family-run sourdough bakery in Lisbon.",
        "We sell weekend brunch boxes. Our customers are young professionals and families who live nearby.",
        "We want more sales, and we can spend about €1,500 a month.",
        "What makes us different is that our dough ferments for 48 hours. Our site is cornerbakery.pt",
        "Yes, looks good!"
      };
      JsonNode turn = null;
      for (String line : owner) {
        out.println("  owner: " + line);
        turn = call("POST", "/projects/" + id + "/messages", bakery.apiKey(), Json.write(Map.of("content", line)), 200);
        out.println("  agent: " + turn.at("/messages/1/content").asText().replace("\n", "\n         "));
      }
      out.println("  conversation " + turn.get("conversationId").asText() + " is " + turn.get("conversationStatus").asText()
          + "; brief saved: " + turn.get("briefSaved").asBoolean());

      step("GET /projects/" + id + "/brief  (saved from the conversation)");
      JsonNode brief = call("GET", "/projects/" + id + "/brief", bakery.apiKey(), null, 200);
      out.printf("  goal %s, budget %s %.2f a month, in %s, site %s%n", brief.get("goal").asText(), brief.get("currency").asText(),
          brief.get("monthlyBudget").asLong() / 100.0, brief.get("location").asText(), brief.path("websiteUrl").asText("-"));

      step("A bad brief is refused, naming the field, and changes nothing");
      JsonNode refused = call("PUT", "/projects/" + id + "/brief", bakery.apiKey(), BRIEF.replace("\"SALES\"", "\"FAME\""), 400);
      out.println("  400 " + refused.get("error"));

      step("Another tenant cannot see it");
      call("GET", "/projects/" + id + "/brief", other.apiKey(), null, 404);
      out.println("  404 for the other agency's key; its list: " + call("GET", "/projects", other.apiKey(), null, 200));

      step("Without a key: 401");
      call("GET", "/projects", null, null, 401);

      String outcome = new DemoLaunch(out, in, interactive, this::call, api, meta).run(bakery.apiKey(), id);
      out.println();
      out.println("Demo finished: " + outcome);
      if (outcome.startsWith("FAILED")) {
        return 1;
      }
    }
    return 0;
  }

  JsonNode call(String method, String path, String key, String body, int expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (key != null) {
      request.header("X-API-Key", key);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " (expected " + expected + "): " + response.body());
    }
    return Json.read(response.body());
  }

  private void step(String text) {
    out.println();
    out.println("==> " + text);
  }
}
