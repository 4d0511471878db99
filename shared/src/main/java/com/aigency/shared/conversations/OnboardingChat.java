package com.aigency.shared.conversations;

import com.aigency.shared.agents.AgentCall;
import com.aigency.shared.agents.AgentResult;
import com.aigency.shared.agents.AgentRuntime;
import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelRequest;
import com.aigency.shared.domain.Artifact;
import com.aigency.shared.domain.Conversation;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Message;
import com.aigency.shared.domain.ProjectBrief;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.http.JsonFields;
import com.aigency.shared.json.Json;
import com.aigency.shared.projects.BriefInput;
import com.aigency.shared.store.ArtifactStore;
import com.aigency.shared.store.ConversationStore;
import com.aigency.shared.store.ProjectStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chat of {@code POST /projects/{id}/messages}: the onboarding interviewer turns what the owner
 * says into the project brief, confirms a summary, and only then saves the brief, a BRIEF artifact,
 * and completes the ONBOARDING conversation. With a brief already saved, any conversation can
 * change it, again only after the owner confirms.
 */
public final class OnboardingChat {
  public static final String AGENT = "onboarding-interviewer";
  /** How many recent messages the model sees besides the brief: the context stays bounded. */
  public static final int CONTEXT_MESSAGES = 12;
  static final String KNOWN_BRIEF_PREFIX = "Known brief: ";
  private static final Set<String> FIELDS = Set.of("content", "conversationId");
  private static final int MAX_OUTPUT_TOKENS = 1200;

  private final ProjectStore projects;
  private final ConversationStore conversations;
  private final ArtifactStore artifacts;
  private final AgentRuntime agents;
  private final AgentPrompt prompt;
  private final Clock clock;

  public OnboardingChat(
      ProjectStore projects, ConversationStore conversations, ArtifactStore artifacts, AgentRuntime agents, Clock clock) {
    this.projects = projects;
    this.conversations = conversations;
    this.artifacts = artifacts;
    this.agents = agents;
    this.prompt = AgentPrompt.load(AGENT, 1);
    this.clock = clock;
  }

  public ChatTurn post(String tenantId, String projectId, JsonNode body) {
    if (!Ids.looksLike("p", projectId)) {
      throw ApiException.notFound("Project");
    }
    var project = projects.find(tenantId, projectId).orElseThrow(() -> ApiException.notFound("Project"));
    JsonFields fields = JsonFields.of(body, FIELDS);
    String content = fields.requiredText("content", 4000);
    Optional<String> conversationId = fields.optionalText("conversationId", 40);
    Conversation conversation = conversation(tenantId, projectId, conversationId, project.hasBrief());

    Message userMessage = message(conversation, Message.Author.USER, content, null);
    conversations.add(tenantId, projectId, userMessage);

    JsonNode known = knownBrief(tenantId, projectId, conversation);
    AgentResult result = agents.run(new AgentCall(tenantId, projectId, AGENT, "interview", request(tenantId, projectId, conversation, known)));
    Reply reply = switch (result) {
      case AgentResult.Succeeded ok -> answer(tenantId, projectId, conversation, ok);
      case AgentResult.NotSucceeded failed -> new Reply(explanation(failed), metadata(failed), false);
    };
    Message agentMessage = message(conversation, Message.Author.AGENT, reply.text(), reply.metadata());
    conversations.add(tenantId, projectId, agentMessage);
    Conversation now = conversations.find(tenantId, projectId, conversation.id()).orElse(conversation);
    return new ChatTurn(now.id(), now.type().name(), now.status().name(),
        List.of(MessageView.of(userMessage), MessageView.of(agentMessage)), reply.briefSaved(), result.status().name());
  }

  /**
   * Exercises the chat's code paths without writing anything: a DynamoDB read of a project that
   * cannot exist, the prompt, and JSON of a turn. Called before a SnapStart snapshot.
   */
  public void prime() {
    projects.find("t_PRIMING00000000000000000000", "p_PRIMING00000000000000000000");
    request("t_PRIMING00000000000000000000", "p_PRIMING00000000000000000000",
        new Conversation("c_PRIMING", "t", "p", Conversation.Type.ONBOARDING, Conversation.Status.ACTIVE, clock.instant(), clock.instant()),
        Json.MAPPER.createObjectNode());
    Json.write(new ChatTurn("c", "ONBOARDING", "ACTIVE", List.of(), false, "SUCCESS"));
  }

  private record Reply(String text, ObjectNode metadata, boolean briefSaved) {}

  /** The interviewer understood the turn; save the brief only when the owner confirmed a complete one. */
  private Reply answer(String tenantId, String projectId, Conversation conversation, AgentResult.Succeeded ok) {
    JsonNode output = ok.output();
    ObjectNode metadata = Json.MAPPER.createObjectNode();
    metadata.put("runId", ok.runId());
    metadata.set("brief", output.path("brief"));
    metadata.set("missingFields", output.path("missingFields"));
    metadata.put("readyToConfirm", output.path("readyToConfirm").asBoolean(false));
    metadata.put("confirmed", output.path("confirmed").asBoolean(false));
    metadata.put("offline", output.path("offline").asBoolean(false));
    String text = output.path("reply").asText();
    if (!output.path("confirmed").asBoolean(false) || !output.path("missingFields").isEmpty()) {
      return new Reply(text, metadata, false);
    }
    ProjectBrief brief;
    try {
      brief = BriefInput.from(withoutNulls(output.path("brief")), clock.instant());
    } catch (ApiException invalid) {
      metadata.put("confirmed", false);
      return new Reply("Before I save it, one thing needs fixing: " + invalid.getMessage(), metadata, false);
    }
    if (!projects.saveBrief(tenantId, projectId, brief)) {
      throw ApiException.notFound("Project");
    }
    artifacts.save(new Artifact(Ids.newId("a", clock), tenantId, projectId, Artifact.Type.BRIEF, "Project brief",
        Json.MAPPER.valueToTree(brief), clock.instant()));
    if (conversation.type() == Conversation.Type.ONBOARDING) {
      conversations.setStatus(tenantId, projectId, conversation.id(), Conversation.Status.COMPLETED, clock.instant());
    }
    metadata.put("briefSaved", true);
    return new Reply(text, metadata, true);
  }

  private ModelRequest request(String tenantId, String projectId, Conversation conversation, JsonNode known) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(new ChatMessage(ChatMessage.Role.USER, KNOWN_BRIEF_PREFIX + Json.write(known)));
    for (Message m : conversations.last(tenantId, projectId, conversation.id(), CONTEXT_MESSAGES)) {
      messages.add(new ChatMessage(m.author() == Message.Author.USER ? ChatMessage.Role.USER : ChatMessage.Role.ASSISTANT, m.content()));
    }
    return new ModelRequest(AGENT, null, prompt.systemPrompt(), messages, prompt.outputSchema(), prompt.schemaName(), MAX_OUTPUT_TOKENS);
  }

  /** The draft the interviewer built so far in this conversation, else the saved brief, else nothing. */
  private JsonNode knownBrief(String tenantId, String projectId, Conversation conversation) {
    List<Message> recent = conversations.last(tenantId, projectId, conversation.id(), CONTEXT_MESSAGES);
    for (int i = recent.size() - 1; i >= 0; i--) {
      JsonNode metadata = recent.get(i).metadata();
      if (metadata != null && metadata.path("brief").isObject()) {
        return metadata.get("brief");
      }
    }
    return projects.findBrief(tenantId, projectId)
        .<JsonNode>map(b -> {
          ObjectNode node = Json.MAPPER.valueToTree(b);
          node.remove("updatedAt");
          return node;
        })
        .orElseGet(Json.MAPPER::createObjectNode);
  }

  /** The conversation named by the client, or the project's active one, or a new one. */
  private Conversation conversation(String tenantId, String projectId, Optional<String> id, boolean hasBrief) {
    if (id.isPresent()) {
      Conversation named = conversations.find(tenantId, projectId, id.get())
          .orElseThrow(() -> ApiException.notFound("Conversation"));
      if (named.status() != Conversation.Status.ACTIVE) {
        throw new ApiException(409, "CONVERSATION_CLOSED", "This conversation is " + named.status() + "; start a new one", "conversationId");
      }
      return named;
    }
    Conversation.Type type = hasBrief ? Conversation.Type.AGENT : Conversation.Type.ONBOARDING;
    return conversations.findActive(tenantId, projectId, type).orElseGet(() -> {
      var now = clock.instant();
      Conversation created = new Conversation(Ids.newId("c", clock), tenantId, projectId, type, Conversation.Status.ACTIVE, now, now);
      conversations.create(created);
      return created;
    });
  }

  private Message message(Conversation conversation, Message.Author author, String content, JsonNode metadata) {
    return new Message(Ids.newId("m", clock), conversation.id(), author, Message.Type.TEXT, content, metadata, clock.instant());
  }

  /** Said plainly, so the owner knows nothing was lost and what happens next. */
  private static String explanation(AgentResult.NotSucceeded failed) {
    var run = failed.run();
    return switch (run.status()) {
      case SKIPPED -> "I can't answer right now: " + Optional.ofNullable(run.reason()).orElse("the AI budget for this month is used up")
          + ". Your message is saved.";
      case KILLED -> "The onboarding assistant is paused for your account, so I can't answer yet. Your message is saved.";
      default -> "I couldn't process that just now (" + Optional.ofNullable(run.error()).orElse("error")
          + "). Your message is saved; please try again in a moment.";
    };
  }

  private static ObjectNode metadata(AgentResult.NotSucceeded failed) {
    ObjectNode metadata = Json.MAPPER.createObjectNode();
    metadata.put("runId", failed.runId());
    metadata.put("status", failed.status().name());
    if (failed.run().error() != null) {
      metadata.put("error", failed.run().error());
    }
    if (failed.run().reason() != null) {
      metadata.put("reason", failed.run().reason());
    }
    return metadata;
  }

  private static JsonNode withoutNulls(JsonNode brief) {
    ObjectNode copy = Json.MAPPER.createObjectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = brief.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      if (!field.getValue().isNull()) {
        copy.set(field.getKey(), field.getValue());
      }
    }
    return copy;
  }
}
