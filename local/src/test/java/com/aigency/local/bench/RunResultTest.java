package com.aigency.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.json.Json;
import org.junit.jupiter.api.Test;

class RunResultTest {
  private static final String LINE =
      "{\"jvmToMainMs\":41,\"initMs\":612.3,\"firstInvokeMs\":488.0,\"totalMs\":1143,\"secondInvokeMs\":6.1,"
          + "\"origin\":\"launch\",\"uptimeMs\":{\"main\":35.0,\"initDone\":647.3,\"response\":1135.3},"
          + "\"response\":{\"statusCode\":200,\"body\":\"{}\"}}";

  @Test
  void findsTheResultLineAmongLogLines() {
    String stdout = "{\"level\":\"INFO\",\"message\":\"hello\"}\n" + LINE + "\n";

    RunResult r = RunResult.parse(stdout);

    assertThat(r.jvmToMainMs()).isEqualTo(41);
    assertThat(r.initMs()).isEqualTo(612.3);
    assertThat(r.firstInvokeMs()).isEqualTo(488.0);
    assertThat(r.totalMs()).isEqualTo(1143);
    assertThat(r.secondInvokeMs()).isEqualTo(6.1);
    assertThat(r.uptimeAtInitDoneMs()).isEqualTo(647.3);
    assertThat(r.response().path("statusCode").asInt()).isEqualTo(200);
  }

  @Test
  void aHandlerErrorOrNoLineFails() {
    String error = LambdaBootstrap.RESULT_PREFIX
        + "-1,\"error\":{\"errorType\":\"java.lang.IllegalStateException\",\"errorMessage\":\"TABLE_NAME is not set\"}}";

    assertThatThrownBy(() -> RunResult.parse(error))
        .hasMessageContaining("IllegalStateException").hasMessageContaining("TABLE_NAME is not set");
    assertThatThrownBy(() -> RunResult.parse("Picked up JAVA_TOOL_OPTIONS: -XX:TieredStopAtLevel=1\n"))
        .hasMessageContaining("no result line");
  }

  @Test
  void onlyA2xxHttpResponseIsASuccess() {
    RunResult.requireSuccess("F", Json.read("{\"statusCode\":201}"), false);

    assertThatThrownBy(() -> RunResult.requireSuccess("F", Json.read("{\"statusCode\":404,\"body\":\"nf\"}"), false))
        .hasMessageContaining("HTTP 404");
    assertThatThrownBy(() -> RunResult.requireSuccess("F", Json.read("{\"statusCode\":500}"), false))
        .hasMessageContaining("HTTP 500");
  }

  @Test
  void theAuthorizerMustAuthoriseAndTheBaselineMustSayHello() {
    RunResult.requireSuccess("A", Json.read("{\"isAuthorized\":true,\"context\":{}}"), false);
    RunResult.requireSuccess("B", Json.read("\"hello\""), true);

    assertThatThrownBy(() -> RunResult.requireSuccess("A", Json.read("{\"isAuthorized\":false}"), false))
        .hasMessageContaining("did not authorise");
    assertThatThrownBy(() -> RunResult.requireSuccess("B", Json.read("\"bye\""), true))
        .hasMessageContaining("instead of \"hello\"");
  }
}
