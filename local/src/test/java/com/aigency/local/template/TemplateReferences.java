package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every Ref, Fn::GetAtt, Fn::Sub variable, Fn::If / Condition reference and DependsOn in a
 * template and reports those that name nothing the deployed stack would have.
 */
final class TemplateReferences {

  static final Set<String> PSEUDO_PARAMETERS =
      Set.of(
          "AWS::AccountId",
          "AWS::NotificationARNs",
          "AWS::NoValue",
          "AWS::Partition",
          "AWS::Region",
          "AWS::StackId",
          "AWS::StackName",
          "AWS::URLSuffix");

  /**
   * Attributes Fn::GetAtt may read, for the resource types whose attributes the local runner
   * answers. Types not listed are not checked.
   */
  static final Map<String, Set<String>> ATTRIBUTES =
      Map.of(
          "AWS::SQS::Queue", Set.of("Arn", "QueueName", "QueueUrl"),
          "AWS::Serverless::Function", Set.of("Arn"),
          "AWS::Serverless::StateMachine", Set.of("Arn", "Name"),
          "AWS::KMS::Key", Set.of("Arn", "KeyId"),
          "AWS::DynamoDB::Table", Set.of("Arn", "StreamArn"));

  private final SamTemplate template;
  private final Set<String> generated;
  private final List<String> problems = new ArrayList<>();

  private TemplateReferences(SamTemplate template) {
    this.template = template;
    this.generated = samGeneratedResources(template);
  }

  static List<String> problems(SamTemplate template) {
    TemplateReferences check = new TemplateReferences(template);
    JsonNode raw = template.raw();
    raw.properties().forEach(section -> check.walk(section.getValue(), section.getKey(), false));
    check.resourceAttributes(raw);
    return check.problems;
  }

  /** Resources SAM adds during the transform, which a template may reference. */
  static Set<String> samGeneratedResources(SamTemplate template) {
    Set<String> generated = new LinkedHashSet<>();
    for (TemplateResource resource : template.resources().values()) {
      boolean samRole =
          (resource.type().equals(SamTemplate.FUNCTION_TYPE)
                  || resource.type().equals(SamTemplate.STATE_MACHINE_TYPE))
              && !resource.properties().has("Role");
      if (samRole) {
        generated.add(resource.logicalId() + "Role");
      }
    }
    template.httpApis().forEach(api -> generated.add(api.logicalId()));
    return generated;
  }

  private void walk(JsonNode node, String path, boolean conditionContext) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", conditionContext);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String first = node.isEmpty() ? "" : node.fieldNames().next();
    boolean call =
        node.size() == 1
            && (first.equals("Ref") || first.equals("Condition") || first.startsWith("Fn::"));
    if (call) {
      String key = first;
      JsonNode args = node.get(key);
      switch (key) {
        case "Ref" -> ref(args, path);
        case "Fn::GetAtt" -> getAtt(args, path);
        case "Fn::Sub" -> sub(args, path);
        case "Fn::If" -> {
          if (args.isArray() && !args.isEmpty()) {
            condition(args.get(0), path + ".Fn::If[0]");
          }
        }
        case "Condition" -> {
          if (conditionContext) {
            condition(args, path + ".Condition");
          }
        }
        default -> {}
      }
      boolean conditionArgs =
          key.equals("Fn::And") || key.equals("Fn::Or") || key.equals("Fn::Not");
      walk(args, path + "." + key, conditionArgs || (conditionContext && key.equals("Fn::If")));
      return;
    }
    node.properties()
        .forEach(
            e ->
                walk(
                    e.getValue(),
                    path + "." + e.getKey(),
                    path.equals("Conditions") || conditionContext));
  }

  private void ref(JsonNode args, String path) {
    if (!args.isTextual()) {
      problems.add(path + ": Ref takes a literal name, found " + args);
      return;
    }
    String name = args.asText();
    if (!template.parameters().containsKey(name)
        && !template.resources().containsKey(name)
        && !generated.contains(name)
        && !PSEUDO_PARAMETERS.contains(name)) {
      problems.add(path + ": Ref " + name + " names no parameter, resource or pseudo parameter");
    }
  }

  private void getAtt(JsonNode args, String path) {
    List<String> target = Nodes.getAttTarget(JsonNodes.single("Fn::GetAtt", args));
    if (target == null) {
      if (!(args.isArray() && args.size() == 2 && args.get(0).isTextual())) {
        problems.add(path + ": Fn::GetAtt takes [Resource, Attribute], found " + args);
      }
      return;
    }
    attribute(target.get(0), target.get(1), path + ": Fn::GetAtt");
  }

  private void attribute(String logicalId, String attribute, String where) {
    TemplateResource resource = template.resources().get(logicalId);
    if (resource == null) {
      if (!generated.contains(logicalId)) {
        problems.add(where + " " + logicalId + "." + attribute + " names no resource");
      }
      return;
    }
    Set<String> known = ATTRIBUTES.get(resource.type());
    if (known != null && !known.contains(attribute)) {
      problems.add(
          where
              + " "
              + logicalId
              + "."
              + attribute
              + ": a "
              + resource.type()
              + " has only "
              + known);
    }
  }

  private void sub(JsonNode args, String path) {
    String text;
    Set<String> variables = new LinkedHashSet<>();
    if (args.isTextual()) {
      text = args.asText();
    } else if (args.isArray()
        && args.size() == 2
        && args.get(0).isTextual()
        && args.get(1).isObject()) {
      text = args.get(0).asText();
      args.get(1).fieldNames().forEachRemaining(variables::add);
    } else {
      problems.add(path + ": Fn::Sub takes a string or [string, {variables}], found " + args);
      return;
    }
    for (String variable : SubVariables.of(text)) {
      if (variables.contains(variable)) {
        continue;
      }
      int dot = variable.indexOf('.');
      if (dot > 0) {
        attribute(variable.substring(0, dot), variable.substring(dot + 1), path + ": ${}");
      } else {
        ref(JsonNodes.text(variable), path + ": ${" + variable + "}");
      }
    }
  }

  private void condition(JsonNode name, String path) {
    if (!name.isTextual() || !template.conditions().containsKey(name.asText())) {
      problems.add(path + ": " + name + " is not a declared condition");
    }
  }

  /** DependsOn and the resource-level / output-level Condition attributes. */
  private void resourceAttributes(JsonNode raw) {
    raw.path("Resources")
        .properties()
        .forEach(
            e -> {
              String where = "Resources." + e.getKey();
              JsonNode dependsOn = e.getValue().path("DependsOn");
              List<JsonNode> targets = new ArrayList<>();
              if (dependsOn.isArray()) {
                dependsOn.forEach(targets::add);
              } else if (!dependsOn.isMissingNode()) {
                targets.add(dependsOn);
              }
              for (JsonNode target : targets) {
                if (!target.isTextual()
                    || (!template.resources().containsKey(target.asText())
                        && !generated.contains(target.asText()))) {
                  problems.add(where + ".DependsOn: " + target + " names no resource");
                }
              }
              if (e.getValue().has("Condition")) {
                condition(e.getValue().get("Condition"), where + ".Condition");
              }
            });
    raw.path("Outputs")
        .properties()
        .forEach(
            e -> {
              if (e.getValue().has("Condition")) {
                condition(e.getValue().get("Condition"), "Outputs." + e.getKey() + ".Condition");
              }
            });
  }
}
