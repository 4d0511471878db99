package com.aigency.local.stepfunctions.asl;

import static com.aigency.local.stepfunctions.asl.TestJson.json;
import static com.aigency.local.stepfunctions.asl.TestJson.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

  @Nested
  class Matching {
    // Spec, "Complex retry scenarios": the retriers and the catcher of state "X".
    private static final JsonNode RETRY =
        q(
            "[{'ErrorEquals': ['ErrorA', 'ErrorB'], 'IntervalSeconds': 1, 'BackoffRate': 2,"
                + " 'MaxAttempts': 2}, {'ErrorEquals': ['ErrorC'], 'IntervalSeconds': 5}]");
    private static final JsonNode CATCH = q("[{'ErrorEquals': ['States.ALL'], 'Next': 'Z'}]");

    @Test
    void specComplexScenarioPicksTheRetrierListingTheName() {
      assertThat(ErrorHandling.match(RETRY, "ErrorA")).isZero();
      assertThat(ErrorHandling.match(RETRY, "ErrorB")).isZero();
      assertThat(ErrorHandling.match(RETRY, "ErrorC")).isEqualTo(1);
      assertThat(ErrorHandling.match(RETRY, "ErrorD")).isEqualTo(-1);
      assertThat(ErrorHandling.match(CATCH, "ErrorD")).isZero();
    }

    @Test
    void specRetriesEverythingButTimeout() {
      // Spec: a Retrier "which will retry any error except for States.Timeout".
      JsonNode retry =
          q(
              "[{'ErrorEquals': ['States.Timeout'], 'MaxAttempts': 0}, {'ErrorEquals':"
                  + " ['States.ALL']}]");
      assertThat(ErrorHandling.match(retry, StatesError.TIMEOUT)).isZero();
      assertThat(ErrorHandling.maxAttempts(retry.get(0))).isZero();
      assertThat(ErrorHandling.match(retry, "Lambda.Unknown")).isEqualTo(1);
    }

    @Test
    void namesAreCaseSensitive() {
      // Spec: "Errors are identified by case-sensitive strings".
      assertThat(ErrorHandling.match(q("[{'ErrorEquals': ['errora']}]"), "ErrorA")).isEqualTo(-1);
    }

    @Test
    void statesAllMatchesAnyCatchableError() {
      JsonNode all = q("[{'ErrorEquals': ['States.ALL']}]");
      for (String error :
          new String[] {
            "Meta.RateLimited",
            StatesError.TASK_FAILED,
            StatesError.TIMEOUT,
            StatesError.HEARTBEAT_TIMEOUT,
            StatesError.BRANCH_FAILED,
            StatesError.INTRINSIC_FAILURE,
            StatesError.RESULT_PATH_MATCH_FAILURE
          }) {
        assertThat(ErrorHandling.match(all, error)).as(error).isZero();
      }
    }

    @Test
    void runtimeAndDataLimitErrorsAreNeverCaughtOrRetried() {
      // AWS error names: States.ALL "can't catch the States.DataLimitExceeded terminal error or
      // Runtime error types"; "A States.Runtime error isn't retriable".
      JsonNode all = q("[{'ErrorEquals': ['States.ALL']}]");
      JsonNode named = q("[{'ErrorEquals': ['States.Runtime', 'States.DataLimitExceeded']}]");
      assertThat(ErrorHandling.match(all, StatesError.RUNTIME)).isEqualTo(-1);
      assertThat(ErrorHandling.match(all, StatesError.DATA_LIMIT_EXCEEDED)).isEqualTo(-1);
      assertThat(ErrorHandling.match(named, StatesError.RUNTIME)).isEqualTo(-1);
    }

    @Test
    void taskFailedMatchesEverythingButTimeouts() {
      // AWS error names: States.TaskFailed "acts as a wildcard that matches any known error name
      // except for States.Timeout"; the AWS page shows it catching Lambda errors.
      JsonNode taskFailed = q("[{'ErrorEquals': ['States.TaskFailed']}]");
      assertThat(ErrorHandling.match(taskFailed, "HandledError")).isZero();
      assertThat(ErrorHandling.match(taskFailed, "Lambda.Unknown")).isZero();
      assertThat(ErrorHandling.match(taskFailed, StatesError.TASK_FAILED)).isZero();
      assertThat(ErrorHandling.match(taskFailed, StatesError.TIMEOUT)).isEqualTo(-1);
      assertThat(ErrorHandling.match(taskFailed, StatesError.HEARTBEAT_TIMEOUT)).isEqualTo(-1);
    }

    @Test
    void timeoutCoversHeartbeatTimeouts() {
      // Spec: States.Timeout is "ran longer than the TimeoutSeconds value, or failed to heartbeat".
      JsonNode timeout = q("[{'ErrorEquals': ['States.Timeout']}]");
      assertThat(ErrorHandling.match(timeout, StatesError.HEARTBEAT_TIMEOUT)).isZero();
      JsonNode heartbeat = q("[{'ErrorEquals': ['States.HeartbeatTimeout']}]");
      assertThat(ErrorHandling.match(heartbeat, StatesError.TIMEOUT)).isEqualTo(-1);
    }

    @Test
    void absentOrEmptyListsMatchNothing() {
      assertThat(ErrorHandling.match(null, "X")).isEqualTo(-1);
      assertThat(ErrorHandling.match(json("[]"), "X")).isEqualTo(-1);
    }

    @Test
    void theErrorOutputHasErrorAndCause() {
      assertThat(ErrorHandling.errorOutput("ErrorA", "Kaiju attack"))
          .isEqualTo(q("{'Error': 'ErrorA', 'Cause': 'Kaiju attack'}"));
    }
  }

  @Nested
  class Delays {
    private final SplittableRandom random = new SplittableRandom(1);

    @Test
    void specWaitsThreeThenSixSeconds() {
      // Spec: "a Retrier which will make 2 retry attempts after waits of 3 and 6 seconds".
      JsonNode retrier =
          q(
              "{'ErrorEquals': ['States.Timeout'], 'IntervalSeconds': 3, 'MaxAttempts': 2,"
                  + " 'BackoffRate': 2.0}");
      assertThat(ErrorHandling.retryDelay(retrier, 1, random)).isEqualTo(Duration.ofSeconds(3));
      assertThat(ErrorHandling.retryDelay(retrier, 2, random)).isEqualTo(Duration.ofSeconds(6));
      assertThat(ErrorHandling.maxAttempts(retrier)).isEqualTo(2);
    }

    @Test
    void specMaxDelayCapsTheSecondWaitAtFourSeconds() {
      // Spec: "with a maximum limit of 4 seconds ... the second attempt after 4 seconds".
      JsonNode retrier =
          q(
              "{'ErrorEquals': ['States.Timeout'], 'IntervalSeconds': 3, 'MaxAttempts': 2,"
                  + " 'BackoffRate': 2.0, 'MaxDelaySeconds': 4}");
      assertThat(ErrorHandling.retryDelay(retrier, 1, random)).isEqualTo(Duration.ofSeconds(3));
      assertThat(ErrorHandling.retryDelay(retrier, 2, random)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void awsWaitsThreeThenFourAndAHalfSeconds() {
      // AWS error handling page: IntervalSeconds 3, BackoffRate 1.5 waits 3 and 4.5 seconds.
      JsonNode retrier =
          q(
              "{'ErrorEquals': ['States.Timeout'], 'IntervalSeconds': 3, 'MaxAttempts': 2,"
                  + " 'BackoffRate': 1.5}");
      assertThat(ErrorHandling.retryDelay(retrier, 2, random)).isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void specComplexScenarioWaitsOneTwoAndFive() {
      // Spec, "Complex retry scenarios": waits of one and two seconds, then five for ErrorC.
      JsonNode first =
          q(
              "{'ErrorEquals': ['ErrorA', 'ErrorB'], 'IntervalSeconds': 1, 'BackoffRate': 2,"
                  + " 'MaxAttempts': 2}");
      JsonNode second = q("{'ErrorEquals': ['ErrorC'], 'IntervalSeconds': 5}");
      assertThat(ErrorHandling.retryDelay(first, 1, random)).isEqualTo(Duration.ofSeconds(1));
      assertThat(ErrorHandling.retryDelay(first, 2, random)).isEqualTo(Duration.ofSeconds(2));
      assertThat(ErrorHandling.retryDelay(second, 1, random)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void defaultsAreOneSecondDoublingThreeAttempts() {
      // Spec: IntervalSeconds default 1, MaxAttempts default 3, BackoffRate default 2.0.
      JsonNode retrier = q("{'ErrorEquals': ['States.ALL']}");
      assertThat(ErrorHandling.retryDelay(retrier, 1, random)).isEqualTo(Duration.ofSeconds(1));
      assertThat(ErrorHandling.retryDelay(retrier, 2, random)).isEqualTo(Duration.ofSeconds(2));
      assertThat(ErrorHandling.retryDelay(retrier, 3, random)).isEqualTo(Duration.ofSeconds(4));
      assertThat(ErrorHandling.maxAttempts(retrier)).isEqualTo(3);
    }

    @Test
    void fullJitterIsUniformBetweenZeroAndTheDelay() {
      JsonNode retrier =
          q(
              "{'ErrorEquals': ['States.ALL'], 'IntervalSeconds': 2, 'BackoffRate': 2,"
                  + " 'JitterStrategy': 'FULL'}");
      Duration min = Duration.ofDays(1);
      Duration max = Duration.ZERO;
      for (int i = 0; i < 1000; i++) {
        Duration d = ErrorHandling.retryDelay(retrier, 3, random);
        assertThat(d).isBetween(Duration.ZERO, Duration.ofSeconds(8));
        min = d.compareTo(min) < 0 ? d : min;
        max = d.compareTo(max) > 0 ? d : max;
      }
      assertThat(min).isLessThan(Duration.ofSeconds(1));
      assertThat(max).isGreaterThan(Duration.ofSeconds(7));
    }

    @Test
    void fullJitterIsRepeatableWithASeededGenerator() {
      JsonNode retrier = q("{'ErrorEquals': ['States.ALL'], 'JitterStrategy': 'FULL'}");
      assertThat(ErrorHandling.retryDelay(retrier, 2, new SplittableRandom(9)))
          .isEqualTo(ErrorHandling.retryDelay(retrier, 2, new SplittableRandom(9)));
    }

    @Test
    void noneJitterIsTheExactDelay() {
      JsonNode retrier = q("{'ErrorEquals': ['States.ALL'], 'JitterStrategy': 'NONE'}");
      assertThat(ErrorHandling.retryDelay(retrier, 2, random)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void attemptsAreOneBased() {
      assertThatThrownBy(() -> ErrorHandling.retryDelay(q("{}"), 0, random))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
