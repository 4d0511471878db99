package com.aigency.shared.campaigns.launch;

import com.aigency.shared.domain.Artifact;
import com.aigency.shared.domain.Conversation;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Message;
import com.aigency.shared.domain.Notification;
import com.aigency.shared.notifications.NewNotification;
import com.aigency.shared.notifications.NotificationService;
import com.aigency.shared.store.ArtifactStore;
import com.aigency.shared.store.ConversationStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Optional;

/**
 * What the owner sees of a campaign's life: agent messages in the project's CAMPAIGN conversation,
 * artifacts (the plan, and ACTION entries for the activity timeline) and notifications.
 */
public final class ProjectFeed {
  private final ConversationStore conversations;
  private final ArtifactStore artifacts;
  private final NotificationService notifications;
  private final Clock clock;

  public ProjectFeed(ConversationStore conversations, ArtifactStore artifacts, NotificationService notifications, Clock clock) {
    this.conversations = conversations;
    this.artifacts = artifacts;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Posts an agent message to the project's active CAMPAIGN conversation, opening one if needed. */
  public Message say(String tenantId, String projectId, Message.Type type, String content, JsonNode metadata) {
    Conversation conversation = conversations.findActive(tenantId, projectId, Conversation.Type.CAMPAIGN).orElseGet(() -> {
      var now = clock.instant();
      Conversation c = new Conversation(Ids.newId("c", clock), tenantId, projectId, Conversation.Type.CAMPAIGN,
          Conversation.Status.ACTIVE, now, now);
      conversations.create(c);
      return c;
    });
    Message m = new Message(Ids.newId("m", clock), conversation.id(), Message.Author.AGENT, type, content, metadata, clock.instant());
    conversations.add(tenantId, projectId, m);
    return m;
  }

  public Artifact artifact(String tenantId, String projectId, Artifact.Type type, String title, JsonNode content) {
    Artifact a = new Artifact(Ids.newId("a", clock), tenantId, projectId, type, title, content, clock.instant());
    artifacts.save(a);
    return a;
  }

  /** An entry of the project's activity timeline: what was done, to what, why. */
  public Artifact action(String tenantId, String projectId, String title, JsonNode details) {
    return artifact(tenantId, projectId, Artifact.Type.ACTION, title, details);
  }

  public Optional<Notification> notify(String tenantId, NewNotification n) {
    return notifications.notify(tenantId, n);
  }
}
