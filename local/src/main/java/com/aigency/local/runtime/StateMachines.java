package com.aigency.local.runtime;

import com.aigency.local.aws.AwsJsonException;
import com.aigency.local.aws.events.LocalEventBridge;
import com.aigency.local.stepfunctions.engine.StepFunctionsEngine;
import com.aigency.local.template.EventRuleSource;
import com.aigency.local.template.ScheduleSource;
import com.aigency.local.template.StateMachineDef;
import com.aigency.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers every {@code AWS::Serverless::StateMachine} of the template with the local engine, its
 * ASL file's {@code ${...}} placeholders filled from DefinitionSubstitutions as CloudFormation
 * fills them, and wires the machines' own schedules and rules to StartExecution.
 */
final class StateMachines {
  private static final Logger LOG = LoggerFactory.getLogger(StateMachines.class);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.:]+)}");

  private StateMachines() {}

  static int register(LocalNames names, StepFunctionsEngine engine, LocalEventBridge events) {
    int count = 0;
    for (StateMachineDef machine : names.template().stateMachines()) {
      String arn = names.ref(machine.logicalId()).asText();
      String definition = definition(machine, names);
      String role = "arn:aws:iam::" + LocalAccount.ACCOUNT_ID + ":role/" + machine.logicalId() + "Role";
      try {
        engine.createStateMachine(names.stateMachineName(machine.logicalId()), definition, role, "STANDARD");
      } catch (AwsJsonException e) {
        if (!e.errorCode().equals("StateMachineAlreadyExists")) {
          throw new IllegalStateException("State machine " + machine.logicalId() + " was refused: " + e.getMessage(), e);
        }
        engine.updateStateMachine(arn, definition, role);
      }
      for (var source : machine.events()) {
        String id = machine.logicalId() + "-" + source.eventName();
        if (source instanceof ScheduleSource schedule && schedule.enabled()) {
          events.addSchedule(id, schedule.expression(), schedule.input(), event -> start(engine, arn, event));
        } else if (source instanceof EventRuleSource rule) {
          events.addRule(id, rule.pattern(), event -> start(engine, arn, event));
        }
      }
      count++;
    }
    return count;
  }

  /** The ASL text with every placeholder replaced; a placeholder without a substitution is an error. */
  static String definition(StateMachineDef machine, LocalNames names) {
    String text;
    try {
      text = Files.readString(machine.definitionPath());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + machine.definitionPath(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    machine.substitutions().forEach((key, raw) -> {
      JsonNode value = names.resolve(raw);
      values.put(key, value.isTextual() ? value.asText() : value.toString());
    });
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(machine.definitionPath().getFileName() + " uses ${" + matcher.group(1)
            + "} but " + machine.logicalId() + " has no DefinitionSubstitutions entry for it");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** EventBridge starts the execution with the event as input; a refusal is logged, as AWS would. */
  private static void start(StepFunctionsEngine engine, String arn, JsonNode event) {
    try {
      engine.startExecution(arn, null, Json.write(event));
    } catch (RuntimeException e) {
      LOG.warn("could not start {} from an event: {}", arn, e.getMessage());
    }
  }
}
