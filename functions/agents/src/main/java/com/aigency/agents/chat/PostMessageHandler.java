package com.aigency.agents.chat;

import com.aigency.shared.conversations.OnboardingChat;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.http.ApiHandler;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;

/** POST /projects/{id}/messages: the owner says something; the interviewer answers. */
public final class PostMessageHandler extends ApiHandler {
  private final OnboardingChat chat;

  public PostMessageHandler() {
    this(AgentServices.onboardingChat());
  }

  public PostMessageHandler(OnboardingChat chat) {
    this.chat = chat;
  }

  @Override
  protected Scope requiredScope() {
    return Scope.APP;
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(chat.post(request.tenantId(), request.pathParameter("id"), request.jsonBody()));
  }
}
