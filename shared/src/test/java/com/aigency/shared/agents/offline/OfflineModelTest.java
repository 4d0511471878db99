package com.aigency.shared.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelException;
import com.aigency.shared.agents.ModelReply;
import com.aigency.shared.agents.ModelRequest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineModelTest {

  private static ModelRequest request(String agent, String text) {
    return new ModelRequest(agent, "offline", "prompt", List.of(ChatMessage.user(text)), null, "s", 100);
  }

  @Test
  void anAgentWithoutAnOfflineVersionIsUnavailable() {
    assertThatThrownBy(() -> new OfflineModel().complete(request("campaign-planner", "hi")))
        .isInstanceOf(ModelException.class)
        .hasMessage("the offline model has no campaign-planner agent yet")
        .extracting(e -> ((ModelException) e).errorName())
        .isEqualTo("Agent.ModelUnavailable");
  }

  @Test
  void dispatchesOnTheAgentNameAndMarksRepliesOffline() {
    OfflineAgent echo =
        new OfflineAgent() {
          @Override
          public String name() {
            return "echo";
          }

          @Override
          public ObjectNode respond(ModelRequest request) {
            return JsonNodeFactory.instance.objectNode().put("said", request.messages().getLast().content()).put("offline", true);
          }
        };
    ModelReply reply = new OfflineModel(List.of(echo, new OnboardingInterviewer())).complete(request("echo", "twelve chars"));

    assertThat(reply.output().get("said").asText()).isEqualTo("twelve chars");
    assertThat(reply.offline()).isTrue();
    assertThat(reply.model()).isEqualTo(OfflineModel.MODEL);
    assertThat(reply.inputTokens()).isEqualTo(5); // "prompt" + "twelve chars" = 18 chars
    assertThat(reply.outputTokens()).isEqualTo(OfflineModel.estimateTokens(reply.output().toString().length()));
  }

  @Test
  void theInterviewerIsRegisteredByDefault() {
    ModelReply reply = new OfflineModel().complete(request(OnboardingInterviewer.AGENT, "Hello"));
    assertThat(reply.output().get("offline").asBoolean()).isTrue();
    assertThat(reply.output().get("reply").asText()).contains("what does your business do?");
  }
}
