package com.aigency.agents.chat;

import com.aigency.shared.conversations.OnboardingChat;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.http.ApiHandler;
import com.aigency.shared.http.ApiRequest;
import com.aigency.shared.http.ApiResponse;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * POST /projects/{id}/messages: the owner says something; the interviewer answers. Deployed with
 * SnapStart; before the snapshot it primes the chat's code paths so restored containers skip that
 * class loading.
 */
public final class PostMessageHandler extends ApiHandler implements Resource {
  private final OnboardingChat chat;

  public PostMessageHandler() {
    this(AgentServices.onboardingChat());
    Core.getGlobalContext().register(this);
  }

  public PostMessageHandler(OnboardingChat chat) {
    this.chat = chat;
  }

  @Override
  protected Scope requiredScope() {
    return Scope.APP;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    chat.prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing held across the snapshot needs refreshing: clients reconnect per request
  }

  @Override
  protected ApiResponse handle(ApiRequest request) {
    return ApiResponse.ok(chat.post(request.tenantId(), request.pathParameter("id"), request.jsonBody()));
  }
}
