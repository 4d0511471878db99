package com.aigency.shared.conversations;

import com.aigency.shared.aws.AwsClients;
import com.aigency.shared.config.AppConfig;
import com.aigency.shared.domain.Ids;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.store.ConversationStore;
import com.aigency.shared.store.Page;
import com.aigency.shared.store.PageRequest;
import com.aigency.shared.store.ProjectStore;

/** Reading a project's conversations, always within the caller's tenant. */
public final class ConversationQueries {
  private final ProjectStore projects;
  private final ConversationStore conversations;

  public ConversationQueries(ProjectStore projects, ConversationStore conversations) {
    this.projects = projects;
    this.conversations = conversations;
  }

  public static ConversationQueries fromEnvironment() {
    String table = AppConfig.fromEnvironment().tableName();
    var dynamo = AwsClients.dynamoDb();
    return new ConversationQueries(new ProjectStore(dynamo, table), new ConversationStore(dynamo, table));
  }

  /** Oldest first; 404 for a project or conversation this tenant does not have. */
  public Page<MessageView> messages(String tenantId, String projectId, String conversationId, PageRequest page) {
    if (!Ids.looksLike("p", projectId) || projects.find(tenantId, projectId).isEmpty()) {
      throw ApiException.notFound("Project");
    }
    if (!Ids.looksLike("c", conversationId) || conversations.find(tenantId, projectId, conversationId).isEmpty()) {
      throw ApiException.notFound("Conversation");
    }
    return conversations.messages(tenantId, projectId, conversationId, page).map(MessageView::of);
  }
}
