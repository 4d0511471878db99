package com.aigency.local.meta;

import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stateful, in-memory simulator of the parts of the Meta Graph / Marketing API that Aigency uses:
 * the OAuth dialog and token exchanges, {@code /me}, {@code /me/adaccounts}, campaigns, ad sets, ad
 * images, ad creatives and ads, with Meta's error envelope; Insights, sync and async, from a
 * seeded {@link DeliveryModel}; and injectable {@link Faults} (rate limits with Meta's usage
 * headers, count- or time-window-based, error 190, 5xx, latency, failed report runs). See
 * docs/meta-simulator.md.
 *
 * <p>Development only. Binds to 127.0.0.1. Time comes from the injected clock.
 */
public final class MetaSimulator implements AutoCloseable {

  /** The app id the simulator knows by default. */
  public static final String DEFAULT_APP_ID = "100000000000001";

  /** The app secret the simulator knows by default. */
  public static final String DEFAULT_APP_SECRET = "sim-app-secret";

  static final Set<String> OBJECTIVES =
      Set.of(
          "OUTCOME_APP_PROMOTION",
          "OUTCOME_AWARENESS",
          "OUTCOME_ENGAGEMENT",
          "OUTCOME_LEADS",
          "OUTCOME_SALES",
          "OUTCOME_TRAFFIC");
  static final Set<String> CREATE_STATUSES = Set.of("ACTIVE", "PAUSED");
  static final Set<String> UPDATE_STATUSES = Set.of("ACTIVE", "PAUSED", "ARCHIVED", "DELETED");
  static final Set<String> SPECIAL_AD_CATEGORIES =
      Set.of(
          "NONE",
          "EMPLOYMENT",
          "HOUSING",
          "CREDIT",
          "FINANCIAL_PRODUCTS_SERVICES",
          "ISSUES_ELECTIONS_POLITICS",
          "ONLINE_GAMBLING_AND_GAMING");
  static final Set<String> BILLING_EVENTS =
      Set.of("IMPRESSIONS", "LINK_CLICKS", "THRUPLAY", "APP_INSTALLS", "PAGE_LIKES", "POST_ENGAGEMENT");
  static final Set<String> BUYING_TYPES = Set.of("AUCTION", "RESERVED");

  /**
   * Each simulated user has one Facebook Page, with a fixed id: user 0's is {@value #FIRST_PAGE_ID},
   * user 1's the next number. The pages are derived from the users, so nothing about them is saved.
   */
  public static final long FIRST_PAGE_ID = 1_234_567_890L;

  /** Short-lived user token lifetime (about 1-2 hours at Meta). */
  static final long SHORT_LIVED_SECONDS = 5_400;

  /** Long-lived user token lifetime (about 60 days at Meta). */
  static final long LONG_LIVED_SECONDS = 5_183_944;

  private static final Pattern VERSIONED = Pattern.compile("^/(v\\d+(?:\\.\\d+)?)(/.*)?$");
  private static final JsonNodeFactory NF = JsonNodeFactory.instance;

  private final Object lock = new Object();
  private final Clock clock;
  private final Random random;
  /** Seeds the delivery model; saved with the data so insights survive a restart unchanged. */
  private long deliverySeed;
  private final String appId;
  private final String appSecret;
  private final boolean enforceProof;
  private final HttpServer server;
  private final Path dataFile;
  private boolean pendingSave;
  /** Set for the current call when a reportFailed fault matched it. */
  private boolean reportFailure;

  private long nextId;
  private boolean denyOAuth;
  private int dialogUser;
  private final List<User> users = new ArrayList<>();
  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final Map<String, AuthCode> codes = new LinkedHashMap<>();
  private final Map<String, Token> tokens = new LinkedHashMap<>();
  private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
  private final Map<String, String> imageNames = new LinkedHashMap<>();
  private final Faults faults = new Faults();

  private record User(String id, String name, List<String> accountIds) {}

  private record Account(String id, String name, String currency, String timezone, int status) {
    String actId() {
      return "act_" + id;
    }
  }

  private record AuthCode(
      String code, String clientId, String redirectUri, int user, Instant expires, boolean[] used) {}

  private record Token(String value, int user, Instant expires, boolean longLived) {}

  private MetaSimulator(
      Clock clock,
      long seed,
      String appId,
      String appSecret,
      boolean enforceProof,
      int port,
      Path dataDir)
      throws IOException {
    this.clock = clock;
    this.random = new Random(seed);
    this.deliverySeed = seed;
    this.appId = appId;
    this.appSecret = appSecret;
    this.enforceProof = enforceProof;
    this.nextId = 120_200_000_000_000_000L + Math.floorMod(seed, 1_000_000L) * 1_000_000L;
    this.dataFile = dataDir == null ? null : dataDir.resolve("meta-simulator.json");
    if (dataFile != null && java.nio.file.Files.exists(dataFile)) {
      load();
    } else {
      seedUsers();
      save();
    }
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "meta-sim");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /**
   * Starts the simulator with the default app ({@link #DEFAULT_APP_ID}, {@link
   * #DEFAULT_APP_SECRET}); {@code appsecret_proof} is not required. Port 0 picks a free port.
   * With a {@code dataDir}, users, ad accounts, tokens and objects are kept in {@code
   * meta-simulator.json} there and reloaded on the next start; null keeps everything in memory.
   */
  public static MetaSimulator start(int port, Clock clock, long seed, Path dataDir)
      throws IOException {
    return new MetaSimulator(clock, seed, DEFAULT_APP_ID, DEFAULT_APP_SECRET, false, port, dataDir);
  }

  /** Starts the simulator for the given app; every Graph call must carry a valid appsecret_proof. */
  public static MetaSimulator start(
      int port, Clock clock, long seed, Path dataDir, String appId, String appSecret)
      throws IOException {
    return new MetaSimulator(clock, seed, appId, appSecret, true, port, dataDir);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}; append {@code /v21.0/...}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() {
    server.stop(0);
    java.util.concurrent.ExecutorService executor =
        (java.util.concurrent.ExecutorService) server.getExecutor();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }

  /** HMAC-SHA256 of the access token keyed with the app secret, lower-case hex. */
  public static String appSecretProof(String appSecret, String accessToken) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- seed

  private void seedUsers() {
    for (int u = 0; u < 2; u++) {
      String userId = String.valueOf(newId());
      List<String> ids = new ArrayList<>();
      Account eur =
          new Account(String.valueOf(newId()), "Sim EUR account " + (u + 1), "EUR", "Europe/Berlin", 1);
      Account jpy =
          new Account(String.valueOf(newId()), "Sim JPY account " + (u + 1), "JPY", "Asia/Tokyo", 1);
      for (Account a : List.of(eur, jpy)) {
        accounts.put(a.id(), a);
        ids.add(a.id());
      }
      users.add(new User(userId, u == 0 ? "Sim User" : "Other Sim User", ids));
    }
  }

  private long newId() {
    return nextId += 1 + random.nextInt(97);
  }

  private String randomToken(String prefix, int len) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = 0; i < len; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- persistence

  private void save() {
    if (dataFile == null) {
      return;
    }
    ObjectNode s = NF.objectNode();
    s.put("nextId", nextId);
    s.put("seed", deliverySeed);
    ArrayNode us = s.putArray("users");
    for (User u : users) {
      ObjectNode n = us.addObject().put("id", u.id()).put("name", u.name());
      u.accountIds().forEach(n.putArray("accountIds")::add);
    }
    ArrayNode as = s.putArray("accounts");
    for (Account a : accounts.values()) {
      as.addObject()
          .put("id", a.id())
          .put("name", a.name())
          .put("currency", a.currency())
          .put("timezone", a.timezone())
          .put("status", a.status());
    }
    ArrayNode ts = s.putArray("tokens");
    for (Token t : tokens.values()) {
      ts.addObject()
          .put("value", t.value())
          .put("user", t.user())
          .put("expires", t.expires().toString())
          .put("longLived", t.longLived());
    }
    ObjectNode os = s.putObject("objects");
    objects.forEach(os::set);
    try {
      java.nio.file.Files.createDirectories(dataFile.getParent());
      Path tmp = dataFile.resolveSibling(dataFile.getFileName() + ".tmp");
      java.nio.file.Files.write(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(s));
      java.nio.file.Files.move(
          tmp,
          dataFile,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void load() throws IOException {
    JsonNode s = Json.MAPPER.readTree(dataFile.toFile());
    nextId = s.path("nextId").asLong(nextId);
    deliverySeed = s.path("seed").asLong(deliverySeed);
    for (JsonNode u : s.path("users")) {
      List<String> ids = new ArrayList<>();
      u.path("accountIds").forEach(x -> ids.add(x.asText()));
      users.add(new User(u.path("id").asText(), u.path("name").asText(), ids));
    }
    for (JsonNode a : s.path("accounts")) {
      Account acc =
          new Account(
              a.path("id").asText(),
              a.path("name").asText(),
              a.path("currency").asText(),
              a.path("timezone").asText(),
              a.path("status").asInt(1));
      accounts.put(acc.id(), acc);
    }
    for (JsonNode t : s.path("tokens")) {
      Token tok =
          new Token(
              t.path("value").asText(),
              t.path("user").asInt(),
              Instant.parse(t.path("expires").asText()),
              t.path("longLived").asBoolean());
      tokens.put(tok.value(), tok);
    }
    s.path("objects").fields().forEachRemaining(e -> objects.put(e.getKey(), (ObjectNode) e.getValue()));
  }

  // ---------------------------------------------------------------- HTTP plumbing

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = ex.getRequestURI().getRawPath();
      byte[] body = readAll(ex.getRequestBody());
      try {
        if (path.startsWith("/__admin/")) {
          synchronized (lock) {
            admin(ex, method, path, body);
          }
          return;
        }
        Matcher m = VERSIONED.matcher(path);
        String version = m.matches() ? m.group(1) : null;
        String rest = m.matches() ? (m.group(2) == null ? "/" : m.group(2)) : path;
        if (version != null) {
          ex.getResponseHeaders().set("facebook-api-version", version);
        }
        Faults.Fault fault;
        synchronized (lock) {
          fault = faults.take(method, path, clock.instant());
        }
        if (fault != null && fault.kind.equals("latency")) {
          Thread.sleep(Math.max(0, fault.seconds));
          fault = null;
        }
        Map<String, JsonNode> params = params(ex, body);
        synchronized (lock) {
          if (fault != null && !fault.kind.equals("reportFailed")) {
            throw Faults.error(fault, faultAccount(rest, params), clock.instant());
          }
          reportFailure = fault != null;
          pendingSave = !method.equals("GET") || rest.startsWith("/oauth/");
          try {
            route(ex, method, version, rest, params);
          } finally {
            pendingSave = false;
          }
        }
      } catch (GraphError e) {
        sendError(ex, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        sendError(
            ex,
            new GraphError(
                500,
                "An unknown error has occurred.",
                "OAuthException",
                1,
                null,
                false,
                null,
                null));
      }
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  private Map<String, JsonNode> params(HttpExchange ex, byte[] body) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    parseForm(ex.getRequestURI().getRawQuery(), out);
    String ct = ex.getRequestHeaders().getFirst("Content-Type");
    if (body.length > 0) {
      if (ct != null && ct.toLowerCase(Locale.ROOT).contains("json")) {
        try {
          JsonNode n = Json.MAPPER.readTree(body);
          if (n != null && n.isObject()) {
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
          }
        } catch (IOException e) {
          throw GraphError.invalidParameter(1487390, "Invalid JSON", "The request body is not valid JSON.");
        }
      } else {
        parseForm(new String(body, StandardCharsets.UTF_8), out);
      }
    }
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (!out.containsKey("access_token") && auth != null) {
      String a = auth.trim();
      if (a.regionMatches(true, 0, "Bearer ", 0, 7) || a.regionMatches(true, 0, "OAuth ", 0, 6)) {
        out.put("access_token", TextNode.valueOf(a.substring(a.indexOf(' ') + 1).trim()));
      }
    }
    return out;
  }

  private static void parseForm(String raw, Map<String, JsonNode> out) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int i = pair.indexOf('=');
      String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8);
      String v = i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8);
      out.put(k, TextNode.valueOf(v));
    }
  }

  private void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    if (pendingSave && status < 400) {
      pendingSave = false;
      save();
    }
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    ex.getResponseHeaders().set("x-fb-trace-id", randomToken("", 11));
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  private void sendError(HttpExchange ex, GraphError e) throws IOException {
    ObjectNode err = NF.objectNode();
    err.put("message", e.getMessage());
    err.put("type", e.type);
    err.put("code", e.code);
    if (e.subcode != null) {
      err.put("error_subcode", e.subcode);
    }
    err.put("is_transient", e.transientError);
    if (e.userTitle != null) {
      err.put("error_user_title", e.userTitle);
    }
    if (e.userMsg != null) {
      err.put("error_user_msg", e.userMsg);
    }
    synchronized (lock) {
      err.put("fbtrace_id", randomToken("A", 22));
    }
    e.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    send(ex, e.httpStatus, NF.objectNode().set("error", err));
  }

  // ---------------------------------------------------------------- admin

  private void admin(HttpExchange ex, String method, String path, byte[] body) throws IOException {
    JsonNode json = body.length == 0 ? NF.objectNode() : Json.MAPPER.readTree(body);
    switch (method + " " + path) {
      case "POST /__admin/faults" -> {
        String problem = faults.add(json);
        if (problem != null) {
          send(ex, 400, NF.objectNode().put("error", problem));
          return;
        }
        send(ex, 200, NF.objectNode().put("success", true).put("faults", faults.size()));
      }
      case "DELETE /__admin/faults" -> {
        faults.clear();
        send(ex, 200, NF.objectNode().put("success", true));
      }
      case "POST /__admin/oauth" -> {
        if (json.has("deny")) {
          denyOAuth = json.path("deny").asBoolean();
        }
        if (json.has("user")) {
          dialogUser = Math.floorMod(json.path("user").asInt(), users.size());
        }
        send(ex, 200, NF.objectNode().put("deny", denyOAuth).put("user", dialogUser));
      }
      case "GET /__admin/state" -> send(ex, 200, state());
      default -> send(ex, 404, NF.objectNode().put("error", "unknown admin endpoint"));
    }
  }

  private ObjectNode state() {
    ObjectNode s = NF.objectNode();
    ArrayNode us = s.putArray("users");
    for (User u : users) {
      ObjectNode n = us.addObject().put("id", u.id()).put("name", u.name());
      u.accountIds().forEach(n.putArray("accounts")::add);
    }
    ArrayNode as = s.putArray("accounts");
    accounts.values().forEach(a -> as.add(accountNode(a)));
    ArrayNode ps = s.putArray("pages");
    for (int i = 0; i < users.size(); i++) {
      ps.add(pageNode(i).put("user", users.get(i).id()));
    }
    ArrayNode os = s.putArray("objects");
    objects.values().forEach(o -> os.add(o.deepCopy()));
    s.put("faults", faults.size());
    s.put("tokens", tokens.size());
    return s;
  }

  /** The ad account a throttled call concerns: in the path, owning the object, or the caller's first. */
  private String faultAccount(String rest, Map<String, JsonNode> params) {
    Matcher m = Pattern.compile("act_(\\d+)").matcher(rest);
    if (m.find()) {
      return m.group(1);
    }
    ObjectNode o = objects.get(firstSegment(rest));
    if (o != null) {
      return o.path("account_id").asText();
    }
    Token t = tokens.get(text(params, "access_token"));
    return t != null ? users.get(t.user()).accountIds().get(0) : users.get(0).accountIds().get(0);
  }

  // ---------------------------------------------------------------- routing

  private void route(
      HttpExchange ex, String method, String version, String rest, Map<String, JsonNode> params)
      throws IOException {
    if (rest.equals("/dialog/oauth") && method.equals("GET")) {
      dialog(ex, params);
      return;
    }
    if (rest.equals("/oauth/access_token")) {
      send(ex, 200, accessToken(params));
      return;
    }
    Token token = authenticate(params);
    User user = users.get(token.user());
    String[] seg = rest.replaceAll("^/+|/+$", "").split("/");
    if (seg.length == 0 || seg[0].isEmpty()) {
      throw GraphError.unsupported(method, "");
    }
    String head = seg[0];
    if (head.equals("me")) {
      if (seg.length == 1 && method.equals("GET")) {
        ObjectNode me = NF.objectNode().put("id", user.id()).put("name", user.name());
        send(ex, 200, select(me, params, List.of("id", "name")));
        return;
      }
      if (seg.length == 2 && seg[1].equals("adaccounts") && method.equals("GET")) {
        List<ObjectNode> list = new ArrayList<>();
        for (String id : user.accountIds()) {
          list.add(accountNode(accounts.get(id)));
        }
        send(ex, 200, page(list, params, List.of("id")));
        return;
      }
      throw GraphError.unsupported(method, "me");
    }
    if (head.startsWith("act_")) {
      Account account = accounts.get(head.substring(4));
      if (account == null || !user.accountIds().contains(account.id())) {
        throw GraphError.unsupported(method, head);
      }
      if (seg.length == 1 && method.equals("GET")) {
        send(ex, 200, select(accountNode(account), params, List.of("id")));
        return;
      }
      if (seg.length == 2) {
        String edge = seg[1];
        if (edge.equals("insights")) {
          insights(ex, method, account, null, params);
          return;
        }
        if (edge.equals("promote_pages") && method.equals("GET")) {
          send(ex, 200, page(promotablePages(account), params, List.of("id", "name")));
          return;
        }
        if (method.equals("POST")) {
          send(ex, 200, create(account, edge, params));
          return;
        }
        if (method.equals("GET") && Set.of("campaigns", "adsets", "ads", "adcreatives", "adimages").contains(edge)) {
          String type = edgeType(edge);
          List<ObjectNode> list = new ArrayList<>();
          for (ObjectNode o : objects.values()) {
            if (o.path("_type").asText().equals(type)
                && o.path("account_id").asText().equals(account.id())
                && !o.path("status").asText().equals("DELETED")) {
              list.add(o);
            }
          }
          send(ex, 200, page(list, params, type.equals("adimage") ? List.of("hash", "url") : List.of("id")));
          return;
        }
      }
      throw GraphError.unsupported(method, head);
    }
    ObjectNode obj = objects.get(head);
    if (obj == null || !user.accountIds().contains(obj.path("account_id").asText())) {
      throw GraphError.unsupported(method, head);
    }
    String objType = obj.path("_type").asText();
    if (objType.equals(AsyncReportRuns.TYPE)) {
      reportRun(ex, method, obj, seg, params);
      return;
    }
    if (seg.length == 2 && seg[1].equals("insights") && Set.of("campaign", "adset", "ad").contains(objType)) {
      insights(ex, method, accounts.get(obj.path("account_id").asText()), obj, params);
      return;
    }
    if (seg.length == 2 && method.equals("GET")) {
      String type = obj.path("_type").asText();
      String edge = seg[1];
      String link =
          type.equals("campaign") && Set.of("adsets", "ads").contains(edge)
              ? "campaign_id"
              : type.equals("adset") && edge.equals("ads") ? "adset_id" : null;
      if (link == null) {
        throw GraphError.unsupported(method, head + "/" + edge);
      }
      List<ObjectNode> list = new ArrayList<>();
      for (ObjectNode o : objects.values()) {
        if (o.path("_type").asText().equals(edgeType(edge))
            && o.path(link).asText().equals(head)
            && !o.path("status").asText().equals("DELETED")) {
          list.add(o);
        }
      }
      send(ex, 200, page(list, params, List.of("id")));
      return;
    }
    if (seg.length != 1) {
      throw GraphError.unsupported(method, head);
    }
    switch (method) {
      case "GET" -> send(ex, 200, select(obj, params, List.of("id")));
      case "POST" -> {
        update(obj, params);
        send(ex, 200, NF.objectNode().put("success", true));
      }
      case "DELETE" -> {
        obj.put("status", "DELETED").put("effective_status", "DELETED");
        StatusHistory.record(obj, clock.instant());
        send(ex, 200, NF.objectNode().put("success", true));
      }
      default -> throw GraphError.unsupported(method, head);
    }
  }

  // ---------------------------------------------------------------- insights

  private InsightsEndpoint insights() {
    return new InsightsEndpoint(deliverySeed);
  }

  private static InsightsEndpoint.Account info(Account a) {
    return new InsightsEndpoint.Account(a.id(), a.name(), a.currency(), java.time.ZoneId.of(a.timezone()));
  }

  /** {@code /{act_|campaign|adset|ad}/insights}: GET answers rows, POST starts an async report run. */
  private void insights(
      HttpExchange ex, String method, Account account, ObjectNode scope, Map<String, JsonNode> params)
      throws IOException {
    InsightsEndpoint.Account a = info(account);
    Instant now = clock.instant();
    String level = scope == null ? "account" : scope.path("_type").asText();
    InsightsQuery q =
        InsightsQuery.parse(
            params, level, InsightsEndpoint.today(a, now), InsightsEndpoint.earliest(a, objects.values(), now));
    // the Insights API reports its own load; the simulator never comes close to a limit
    ex.getResponseHeaders()
        .set(
            "X-FB-Ads-Insights-Throttle",
            Json.write(
                NF.objectNode()
                    .put("app_id_util_pct", 0)
                    .put("acc_id_util_pct", 0)
                    .put("ads_api_access_tier", Faults.ACCESS_TIER)));
    switch (method) {
      case "GET" -> send(ex, 200, InsightsEndpoint.page(insights().rows(a, objects, scope, q, now), params));
      case "POST" -> {
        String id = String.valueOf(newId());
        objects.put(id, AsyncReportRuns.create(id, account.id(), scope, q, now, reportFailure));
        send(ex, 200, NF.objectNode().put("report_run_id", id));
      }
      default -> throw GraphError.unsupported(method, scope == null ? account.actId() : scope.path("id").asText());
    }
  }

  /** {@code GET /{report_run_id}} and {@code GET /{report_run_id}/insights}. */
  private void reportRun(HttpExchange ex, String method, ObjectNode run, String[] seg, Map<String, JsonNode> params)
      throws IOException {
    Instant now = clock.instant();
    if (method.equals("GET") && seg.length == 1) {
      send(ex, 200, AsyncReportRuns.describe(run, now, params));
      return;
    }
    if (method.equals("GET") && seg.length == 2 && seg[1].equals("insights")) {
      if (!AsyncReportRuns.status(run, now).equals("Job Completed")) {
        throw AsyncReportRuns.notReady();
      }
      Account account = accounts.get(run.path("account_id").asText());
      ObjectNode scope = run.has("_scope") ? objects.get(run.path("_scope").asText()) : null;
      List<ObjectNode> rows =
          insights().rows(info(account), objects, scope, AsyncReportRuns.query(run), AsyncReportRuns.timeRef(run));
      send(ex, 200, InsightsEndpoint.page(rows, params));
      return;
    }
    throw GraphError.unsupported(method, run.path("id").asText());
  }

  private static String firstSegment(String rest) {
    String[] seg = rest.replaceAll("^/+", "").split("/");
    return seg.length == 0 ? "" : seg[0];
  }

  private static String edgeType(String edge) {
    return switch (edge) {
      case "campaigns" -> "campaign";
      case "adsets" -> "adset";
      case "ads" -> "ad";
      case "adcreatives" -> "adcreative";
      case "adimages" -> "adimage";
      default -> edge;
    };
  }

  /** The Page of user {@code index} ({@link #FIRST_PAGE_ID} + index). */
  private ObjectNode pageNode(int index) {
    return NF.objectNode()
        .put("id", String.valueOf(FIRST_PAGE_ID + index))
        .put("name", users.get(index).name() + "'s Page");
  }

  /** The Pages an ad account may promote: those of the users who hold the account. */
  private List<ObjectNode> promotablePages(Account account) {
    List<ObjectNode> out = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      if (users.get(i).accountIds().contains(account.id())) {
        out.add(pageNode(i));
      }
    }
    return out;
  }

  private ObjectNode accountNode(Account a) {
    return NF.objectNode()
        .put("id", a.actId())
        .put("account_id", a.id())
        .put("name", a.name())
        .put("currency", a.currency())
        .put("account_status", a.status())
        .put("timezone_name", a.timezone());
  }

  // ---------------------------------------------------------------- OAuth

  private void dialog(HttpExchange ex, Map<String, JsonNode> params) throws IOException {
    String clientId = text(params, "client_id");
    String redirect = text(params, "redirect_uri");
    String state = text(params, "state");
    if (clientId == null || !clientId.equals(appId)) {
      throw GraphError.oauth(101, null, "Error validating application. Invalid application ID.");
    }
    if (redirect == null || redirect.isEmpty()) {
      throw GraphError.oauth(191, null, "The redirect_uri URL must be absolute.");
    }
    StringBuilder q = new StringBuilder();
    if (denyOAuth) {
      q.append("error=access_denied&error_code=200&error_description=")
          .append(enc("Permissions error"))
          .append("&error_reason=user_denied");
    } else {
      String code = randomToken("AQ", 64);
      codes.put(
          code,
          new AuthCode(code, clientId, redirect, dialogUser, clock.instant().plus(Duration.ofMinutes(10)), new boolean[1]));
      q.append("code=").append(enc(code));
    }
    if (state != null) {
      q.append("&state=").append(enc(state));
    }
    String location = redirect + (redirect.contains("?") ? "&" : "?") + q + "#_=_";
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(302, -1);
  }

  private JsonNode accessToken(Map<String, JsonNode> params) {
    String clientId = text(params, "client_id");
    String secret = text(params, "client_secret");
    if (clientId == null || !clientId.equals(appId)) {
      throw GraphError.oauth(101, null, "Error validating application. Invalid application ID.");
    }
    if (secret == null || !secret.equals(appSecret)) {
      throw GraphError.oauth(1, null, "Error validating client secret.");
    }
    Instant now = clock.instant();
    if ("fb_exchange_token".equals(text(params, "grant_type"))) {
      Token old = tokens.get(text(params, "fb_exchange_token"));
      if (old == null || !old.expires().isAfter(now)) {
        throw GraphError.invalidToken("Invalid OAuth access token - Cannot parse access token", null);
      }
      return issue(old.user(), true, now);
    }
    String code = text(params, "code");
    AuthCode ac = code == null ? null : codes.get(code);
    if (ac == null) {
      throw GraphError.oauth(100, 36007, "Invalid verification code format.");
    }
    if (ac.used()[0]) {
      throw GraphError.oauth(100, 36009, "This authorization code has been used.");
    }
    if (!ac.expires().isAfter(now)) {
      throw GraphError.oauth(100, 36007, "This authorization code has expired.");
    }
    if (!ac.redirectUri().equals(text(params, "redirect_uri"))) {
      throw GraphError.oauth(
          100,
          36008,
          "Error validating verification code. Please make sure your redirect_uri is identical to"
              + " the one you used in the OAuth dialog request");
    }
    ac.used()[0] = true;
    return issue(ac.user(), false, now);
  }

  private JsonNode issue(int user, boolean longLived, Instant now) {
    long ttl = longLived ? LONG_LIVED_SECONDS : SHORT_LIVED_SECONDS;
    String value = randomToken("EAA", 180);
    tokens.put(value, new Token(value, user, now.plusSeconds(ttl), longLived));
    return NF.objectNode().put("access_token", value).put("token_type", "bearer").put("expires_in", ttl);
  }

  private Token authenticate(Map<String, JsonNode> params) {
    String value = text(params, "access_token");
    if (value == null || value.isEmpty()) {
      throw new GraphError(
          400,
          "An active access token must be used to query information about the current user.",
          "OAuthException",
          2500,
          null,
          false,
          null,
          null);
    }
    Token t = tokens.get(value);
    if (t == null) {
      throw GraphError.invalidToken("Invalid OAuth access token - Cannot parse access token", null);
    }
    Instant now = clock.instant();
    if (!t.expires().isAfter(now)) {
      DateTimeFormatter f = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
      throw GraphError.invalidToken(
          "Error validating access token: Session has expired on "
              + f.format(t.expires())
              + ". The current time is "
              + f.format(now)
              + ".",
          463);
    }
    if (enforceProof) {
      String proof = text(params, "appsecret_proof");
      if (proof == null) {
        throw new GraphError(
            400,
            "API calls from the server require an appsecret_proof argument",
            "GraphMethodException",
            100,
            null,
            false,
            null,
            null);
      }
      if (!MessageDigest.isEqual(
          proof.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
          appSecretProof(appSecret, value).getBytes(StandardCharsets.UTF_8))) {
        throw new GraphError(
            400,
            "Invalid appsecret_proof provided in the API argument",
            "GraphMethodException",
            100,
            null,
            false,
            null,
            null);
      }
    }
    return t;
  }

  // ---------------------------------------------------------------- objects

  private JsonNode create(Account account, String edge, Map<String, JsonNode> params) {
    String now = time(clock.instant());
    return switch (edge) {
      case "campaigns" -> {
        ObjectNode c = newObject("campaign", account, now);
        c.put("name", required(params, "name", 1487007));
        String objective = required(params, "objective", 1487007);
        if (!OBJECTIVES.contains(objective)) {
          throw GraphError.invalidParameter(
              1487007, "Invalid objective", "objective must be one of " + String.join(", ", sorted(OBJECTIVES)) + "; got " + objective + ".");
        }
        c.put("objective", objective);
        JsonNode sac = json(params, "special_ad_categories");
        if (sac == null) {
          throw GraphError.invalidParameter(
              2490487,
              "Special Ad Categories Required",
              "The parameter special_ad_categories is required. Pass an empty array ([]) if the"
                  + " campaign is not in a special ad category.");
        }
        if (!sac.isArray()) {
          throw GraphError.invalidParameter(
              2490487, "Invalid special_ad_categories", "special_ad_categories must be a JSON array.");
        }
        for (JsonNode x : sac) {
          if (!SPECIAL_AD_CATEGORIES.contains(x.asText())) {
            throw GraphError.invalidParameter(
                2490487, "Invalid special_ad_categories", "special_ad_categories contains an unknown value: " + x.asText() + ".");
          }
        }
        c.set("special_ad_categories", sac);
        String buying = text(params, "buying_type");
        if (buying != null && !BUYING_TYPES.contains(buying)) {
          throw GraphError.invalidParameter(1487007, "Invalid buying_type", "buying_type must be AUCTION or RESERVED.");
        }
        c.put("buying_type", buying == null ? "AUCTION" : buying);
        status(c, params, true);
        budgets(c, params, account, null);
        yield put(c);
      }
      case "adsets" -> {
        ObjectNode s = newObject("adset", account, now);
        s.put("name", required(params, "name", 1487007));
        String campaignId = required(params, "campaign_id", 1487007);
        ObjectNode campaign = objects.get(campaignId);
        if (campaign == null || !campaign.path("_type").asText().equals("campaign")
            || !campaign.path("account_id").asText().equals(account.id())) {
          throw GraphError.invalidParameter(1487007, "Invalid campaign_id", "campaign_id " + campaignId + " is not a campaign of this ad account.");
        }
        s.put("campaign_id", campaignId);
        String billing = required(params, "billing_event", 1487007);
        if (!BILLING_EVENTS.contains(billing)) {
          throw GraphError.invalidParameter(1487007, "Invalid billing_event", "billing_event " + billing + " is not supported.");
        }
        s.put("billing_event", billing);
        s.put("optimization_goal", required(params, "optimization_goal", 1487007));
        JsonNode targeting = json(params, "targeting");
        if (targeting == null || !targeting.isObject()) {
          throw GraphError.invalidParameter(1487756, "Targeting Required", "The parameter targeting is required.");
        }
        JsonNode geo = targeting.get("geo_locations");
        if (geo == null || !geo.isObject() || geo.isEmpty()) {
          throw GraphError.invalidParameter(
              1487756,
              "Location Is Required",
              "targeting.geo_locations is required: add at least one country, region, city or zip.");
        }
        s.set("targeting", targeting);
        status(s, params, true);
        if (campaign.has("daily_budget") || campaign.has("lifetime_budget")) {
          if (params.containsKey("daily_budget") || params.containsKey("lifetime_budget")) {
            throw GraphError.invalidParameter(
                1885621, "Budget Set At Campaign Level", "daily_budget/lifetime_budget cannot be set on an ad set when its campaign has a budget.");
          }
        } else {
          budgets(s, params, account, "daily_budget");
        }
        String start = text(params, "start_time");
        s.put("start_time", start != null ? start : now);
        String end = text(params, "end_time");
        if (end != null) {
          s.put("end_time", end);
        }
        if (s.has("lifetime_budget") && end == null) {
          throw GraphError.invalidParameter(1487007, "End Time Required", "end_time is required with lifetime_budget.");
        }
        yield put(s);
      }
      case "adimages" -> {
        String bytes = required(params, "bytes", 1487007);
        byte[] data;
        try {
          data = Base64.getDecoder().decode(bytes.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
          throw GraphError.invalidParameter(1487242, "Invalid Image", "bytes is not valid base64.");
        }
        if (data.length == 0) {
          throw GraphError.invalidParameter(1487242, "Invalid Image", "bytes is empty.");
        }
        String hash = md5(data);
        String name = text(params, "name");
        if (name == null) {
          name = "bytes";
        }
        String key = "img:" + account.id() + ":" + hash;
        String url = baseUrl() + "/__images/" + hash + ".png";
        ObjectNode img = objects.get(key);
        if (img == null) {
          img = NF.objectNode()
              .put("_type", "adimage")
              .put("id", account.id() + ":" + hash)
              .put("account_id", account.id())
              .put("hash", hash)
              .put("url", url)
              .put("name", name)
              .put("created_time", now)
              .put("status", "ACTIVE");
          objects.put(key, img);
        }
        imageNames.put(key, name);
        ObjectNode out = NF.objectNode();
        out.putObject("images").putObject(name).put("hash", hash).put("url", url);
        yield out;
      }
      case "adcreatives" -> {
        ObjectNode cr = newObject("adcreative", account, now);
        cr.put("name", required(params, "name", 1487007));
        JsonNode oss = json(params, "object_story_spec");
        if (oss == null || !oss.isObject()) {
          throw GraphError.invalidParameter(1487007, "Object Story Spec Required", "object_story_spec is required.");
        }
        if (!oss.path("page_id").isValueNode() || oss.path("page_id").asText().isEmpty()) {
          throw GraphError.invalidParameter(1487007, "Page Required", "object_story_spec.page_id is required.");
        }
        String pageId = oss.path("page_id").asText();
        if (promotablePages(account).stream().noneMatch(p -> p.path("id").asText().equals(pageId))) {
          throw GraphError.invalidParameter(
              1487007,
              "Invalid Page",
              "object_story_spec.page_id " + pageId + " is not a Page this ad account can promote.");
        }
        JsonNode link = oss.path("link_data");
        if (link.isObject()) {
          if (link.path("link").asText("").isEmpty()) {
            throw GraphError.invalidParameter(1487007, "Link Required", "object_story_spec.link_data.link is required.");
          }
          String ih = link.path("image_hash").asText(null);
          if (ih != null && !objects.containsKey("img:" + account.id() + ":" + ih)) {
            throw GraphError.invalidParameter(1487242, "Image Not Found", "object_story_spec.link_data.image_hash " + ih + " is not an image of this ad account.");
          }
        }
        cr.set("object_story_spec", oss);
        cr.remove("status");
        cr.put("status", "ACTIVE");
        yield put(cr);
      }
      case "ads" -> {
        ObjectNode ad = newObject("ad", account, now);
        ad.put("name", required(params, "name", 1487007));
        String adsetId = required(params, "adset_id", 1487007);
        ObjectNode adset = objects.get(adsetId);
        if (adset == null || !adset.path("_type").asText().equals("adset")
            || !adset.path("account_id").asText().equals(account.id())) {
          throw GraphError.invalidParameter(1487007, "Invalid adset_id", "adset_id " + adsetId + " is not an ad set of this ad account.");
        }
        JsonNode creative = json(params, "creative");
        String creativeId = creative == null ? null : creative.path("creative_id").asText(null);
        ObjectNode cr = creativeId == null ? null : objects.get(creativeId);
        if (cr == null || !cr.path("_type").asText().equals("adcreative")
            || !cr.path("account_id").asText().equals(account.id())) {
          throw GraphError.invalidParameter(1487007, "Invalid creative", "creative.creative_id must name an ad creative of this ad account.");
        }
        ad.put("adset_id", adsetId);
        ad.put("campaign_id", adset.path("campaign_id").asText());
        ad.putObject("creative").put("id", creativeId);
        status(ad, params, true);
        yield put(ad);
      }
      default -> throw GraphError.unsupported("POST", account.actId() + "/" + edge);
    };
  }

  private ObjectNode newObject(String type, Account account, String now) {
    return NF.objectNode()
        .put("_type", type)
        .put("id", String.valueOf(newId()))
        .put("account_id", account.id())
        .put("created_time", now)
        .put("updated_time", now);
  }

  private JsonNode put(ObjectNode o) {
    objects.put(o.path("id").asText(), o);
    StatusHistory.record(o, clock.instant());
    return NF.objectNode().put("id", o.path("id").asText());
  }

  private void status(ObjectNode o, Map<String, JsonNode> params, boolean creating) {
    String s = text(params, "status");
    if (s == null) {
      if (creating) {
        s = "ACTIVE";
      } else {
        return;
      }
    }
    if (!(creating ? CREATE_STATUSES : UPDATE_STATUSES).contains(s)) {
      throw GraphError.invalidParameter(1487007, "Invalid status", "status must be one of " + String.join(", ", sorted(creating ? CREATE_STATUSES : UPDATE_STATUSES)) + "; got " + s + ".");
    }
    o.put("status", s).put("configured_status", s).put("effective_status", s);
  }

  private void budgets(ObjectNode o, Map<String, JsonNode> params, Account account, String requiredField) {
    boolean hasDaily = params.containsKey("daily_budget");
    boolean hasLifetime = params.containsKey("lifetime_budget");
    if (hasDaily && hasLifetime) {
      throw GraphError.invalidParameter(1885621, "Only One Budget", "Set either daily_budget or lifetime_budget, not both.");
    }
    if (!hasDaily && !hasLifetime && requiredField != null) {
      throw GraphError.invalidParameter(1885621, "Budget Required", "daily_budget or lifetime_budget is required.");
    }
    for (String field : List.of("daily_budget", "lifetime_budget")) {
      if (params.containsKey(field)) {
        o.put(field, String.valueOf(budget(params, field, account)));
      }
    }
  }

  /** Minimum daily budget in minor units of the account currency (about 1 USD). */
  static long minimumDailyBudget(String currency) {
    return switch (currency) {
      case "JPY" -> 150;
      case "KRW" -> 1_300;
      default -> 100;
    };
  }

  private long budget(Map<String, JsonNode> params, String field, Account account) {
    String raw = text(params, field);
    long v;
    try {
      v = Long.parseLong(raw.trim());
    } catch (RuntimeException e) {
      throw GraphError.invalidParameter(1487007, "Invalid Budget", field + " must be an integer amount in minor units of " + account.currency() + ".");
    }
    long min = minimumDailyBudget(account.currency());
    if (v < min) {
      throw GraphError.invalidParameter(
          1885272,
          "Budget Is Too Low",
          "The "
              + field
              + " for this ad set must be at least "
              + min
              + " ("
              + account.currency()
              + " minor units); got "
              + v
              + ". Please edit your budget to enable delivery of your ads.");
    }
    return v;
  }

  private void update(ObjectNode o, Map<String, JsonNode> params) {
    String type = o.path("_type").asText();
    if (type.equals("adimage")) {
      throw GraphError.unsupported("POST", o.path("id").asText());
    }
    if (params.containsKey("name")) {
      String n = text(params, "name");
      if (n == null || n.isBlank()) {
        throw GraphError.invalidParameter(1487007, "Invalid name", "name must not be empty.");
      }
      o.put("name", n);
    }
    status(o, params, false);
    if (params.containsKey("daily_budget") || params.containsKey("lifetime_budget")) {
      if (!type.equals("campaign") && !type.equals("adset")) {
        throw GraphError.invalidParameter(1487007, "Invalid parameter", "daily_budget cannot be set on a " + type + ".");
      }
      Account account = accounts.get(o.path("account_id").asText());
      for (String field : List.of("daily_budget", "lifetime_budget")) {
        if (params.containsKey(field)) {
          if (!o.has(field)) {
            throw GraphError.invalidParameter(1885621, "Budget Type Mismatch", field + " cannot be set: this " + type + " does not use a " + field + ".");
          }
          o.put(field, String.valueOf(budget(params, field, account)));
        }
      }
    }
    o.put("updated_time", time(clock.instant()));
    StatusHistory.record(o, clock.instant());
  }

  // ---------------------------------------------------------------- fields & paging

  /** Meta reports a child of a paused parent as CAMPAIGN_PAUSED / ADSET_PAUSED. */
  private String effectiveStatus(ObjectNode o) {
    String own = o.path("status").asText(null);
    if (own == null || !own.equals("ACTIVE")) {
      return own;
    }
    ObjectNode campaign = objects.get(o.path("campaign_id").asText(""));
    if (campaign != null && !campaign.path("status").asText().equals("ACTIVE")) {
      return "CAMPAIGN_PAUSED";
    }
    ObjectNode adset = objects.get(o.path("adset_id").asText(""));
    if (adset != null && !adset.path("status").asText().equals("ACTIVE")) {
      return "ADSET_PAUSED";
    }
    return own;
  }

  private ObjectNode select(ObjectNode o, Map<String, JsonNode> params, List<String> defaults) {
    String fields = text(params, "fields");
    List<String> wanted = new ArrayList<>();
    if (fields != null && !fields.isBlank()) {
      for (String f : fields.split(",")) {
        String t = f.trim();
        int brace = t.indexOf('{');
        if (brace > 0) {
          t = t.substring(0, brace);
        }
        if (!t.isEmpty()) {
          wanted.add(t);
        }
      }
    } else {
      wanted.addAll(defaults);
    }
    ObjectNode out = NF.objectNode();
    for (String f : wanted) {
      if (f.equals("effective_status") && o.has("status")) {
        out.put(f, effectiveStatus(o));
      } else if (f.equals("learning_stage_info") && o.path("_type").asText().equals("adset")) {
        Account account = accounts.get(o.path("account_id").asText());
        out.set(f, insights().learningStageInfo(info(account), objects.values(), o.path("id").asText(), clock.instant()));
      } else if (!f.startsWith("_") && o.has(f)) {
        out.set(f, o.get(f).deepCopy());
      }
    }
    if (o.has("id") && !out.has("id") && !o.path("_type").asText().equals("adimage")) {
      out.set("id", o.get("id").deepCopy());
    }
    return out;
  }

  private ObjectNode page(List<ObjectNode> all, Map<String, JsonNode> params, List<String> defaults) {
    int limit = 25;
    String l = text(params, "limit");
    if (l != null) {
      try {
        limit = Math.max(1, Math.min(500, Integer.parseInt(l)));
      } catch (NumberFormatException e) {
        throw GraphError.invalidParameter(1487007, "Invalid limit", "limit must be an integer.");
      }
    }
    int from = 0;
    String after = text(params, "after");
    if (after != null) {
      from = decodeCursor(after) + 1;
    }
    String before = text(params, "before");
    if (before != null) {
      from = Math.max(0, decodeCursor(before) - limit);
    }
    int to = Math.min(all.size(), from + limit);
    ObjectNode out = NF.objectNode();
    ArrayNode data = out.putArray("data");
    for (int i = from; i < to; i++) {
      data.add(select(all.get(i), params, defaults));
    }
    if (from < to) {
      ObjectNode paging = out.putObject("paging");
      paging.putObject("cursors").put("before", cursor(from)).put("after", cursor(to - 1));
      if (to < all.size()) {
        paging.put("next", "?limit=" + limit + "&after=" + cursor(to - 1));
      }
    }
    return out;
  }

  static String cursor(int index) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("i:" + index).getBytes(StandardCharsets.UTF_8));
  }

  static int decodeCursor(String c) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(c), StandardCharsets.UTF_8);
      return Integer.parseInt(s.substring(2));
    } catch (RuntimeException e) {
      throw GraphError.invalidParameter(1487007, "Invalid cursor", "The paging cursor is not valid.");
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String text(Map<String, JsonNode> params, String name) {
    JsonNode n = params.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  /** A parameter that may arrive as JSON text (form bodies) or as JSON (JSON bodies). */
  private static JsonNode json(Map<String, JsonNode> params, String name) {
    JsonNode n = params.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      String s = n.asText().trim();
      if (s.startsWith("{") || s.startsWith("[")) {
        try {
          return Json.MAPPER.readTree(s);
        } catch (IOException e) {
          throw GraphError.invalidParameter(1487007, "Invalid JSON", name + " is not valid JSON.");
        }
      }
    }
    return n;
  }

  private static String required(Map<String, JsonNode> params, String name, int subcode) {
    String v = text(params, name);
    if (v == null || v.isBlank()) {
      throw GraphError.invalidParameter(
          subcode, "Missing Parameter", "The parameter " + name + " is required.");
    }
    return v;
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }

  private static String time(Instant i) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC).format(i);
  }

  private static String md5(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
