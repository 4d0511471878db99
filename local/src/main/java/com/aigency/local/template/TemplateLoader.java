package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Loads a CloudFormation/SAM YAML template into the JSON tree CloudFormation itself sees.
 *
 * <p>A plain YAML load either fails on or silently drops the short-form intrinsics ({@code !Ref},
 * {@code !Sub}, ...), because they are YAML tags. Here every such tag is constructed as its long
 * form ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}), on scalar, sequence and mapping nodes
 * alike, so the local runner and the consistency tests work on one structure.
 */
public final class TemplateLoader {

  /** Short-form tag name (without "!") to the long-form key CloudFormation uses. */
  private static final Map<String, String> SHORT_FORMS = shortForms();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TemplateLoader() {}

  /** Loads the template file at {@code template}. */
  public static JsonNode load(Path template) {
    try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
      return parse(reader, template.toString());
    } catch (IOException e) {
      throw new TemplateException("cannot read template " + template + ": " + e.getMessage(), e);
    }
  }

  /** Parses template text; {@code sourceName} only labels error messages. */
  public static JsonNode parse(String yaml, String sourceName) {
    return parse(new StringReader(yaml), sourceName);
  }

  private static JsonNode parse(Reader reader, String sourceName) {
    LoaderOptions options = new LoaderOptions();
    // CloudFormation rejects duplicate keys; SnakeYAML would otherwise keep the last one silently.
    options.setAllowDuplicateKeys(false);
    Yaml yaml =
        new Yaml(
            new CloudFormationConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options);
    Object document;
    try {
      document = yaml.load(reader);
    } catch (YAMLException e) {
      throw new TemplateException("invalid template " + sourceName + ": " + e.getMessage(), e);
    }
    if (!(document instanceof Map<?, ?>)) {
      throw new TemplateException(
          "invalid template " + sourceName + ": the top level must be a mapping");
    }
    return toJson(document, sourceName);
  }

  private static JsonNode toJson(Object value, String where) {
    return switch (value) {
      case null -> NODES.nullNode();
      case Map<?, ?> map -> {
        ObjectNode object = NODES.objectNode();
        map.forEach((k, v) -> object.set(String.valueOf(k), toJson(v, where)));
        yield object;
      }
      case Collection<?> list -> {
        ArrayNode array = NODES.arrayNode();
        list.forEach(v -> array.add(toJson(v, where)));
        yield array;
      }
      case String s -> NODES.textNode(s);
      case Boolean b -> NODES.booleanNode(b);
      case Integer i -> NODES.numberNode(i);
      case Long l -> NODES.numberNode(l);
      case BigInteger b -> NODES.numberNode(b);
      case Double d -> NODES.numberNode(d);
      case Float f -> NODES.numberNode(f);
      case byte[] bytes -> NODES.binaryNode(bytes);
      default ->
          throw new TemplateException(
              "invalid template " + where + ": unsupported YAML value of " + value.getClass());
    };
  }

  private static Map<String, String> shortForms() {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("Ref", "Ref");
    forms.put("Condition", "Condition");
    for (String fn :
        List.of(
            "And",
            "Base64",
            "Cidr",
            "Equals",
            "FindInMap",
            "GetAtt",
            "GetAZs",
            "If",
            "ImportValue",
            "Join",
            "Length",
            "Not",
            "Or",
            "Select",
            "Split",
            "Sub",
            "ToJsonString",
            "Transform")) {
      forms.put(fn, "Fn::" + fn);
    }
    return Map.copyOf(forms);
  }

  /** SafeConstructor plus the CloudFormation short-form tags. */
  private static final class CloudFormationConstructor extends SafeConstructor {

    CloudFormationConstructor(LoaderOptions options) {
      super(options);
      // CloudFormation keeps unquoted dates (e.g. a version 2010-09-09) as strings, not timestamps.
      yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
      SHORT_FORMS.forEach(
          (tag, longForm) -> yamlConstructors.put(new Tag("!" + tag), new ShortForm(longForm)));
    }

    private final class ShortForm extends AbstractConstruct {
      private final String longForm;

      ShortForm(String longForm) {
        this.longForm = longForm;
      }

      @Override
      public Object construct(Node node) {
        Object argument =
            switch (node) {
              case ScalarNode scalar -> constructScalar(scalar);
              case SequenceNode sequence -> constructSequence(sequence);
              case MappingNode mapping -> constructMapping(mapping);
              default -> throw new YAMLException("unexpected node for " + node.getTag());
            };
        if (longForm.equals("Fn::GetAtt") && argument instanceof String dotted) {
          argument = splitGetAtt(dotted, node);
        }
        Map<Object, Object> intrinsic = new LinkedHashMap<>();
        intrinsic.put(longForm, argument);
        return intrinsic;
      }

      /** CloudFormation splits "!GetAtt A.B.C" at the first dot: ["A", "B.C"]. */
      private List<Object> splitGetAtt(String dotted, Node node) {
        int dot = dotted.indexOf('.');
        if (dot <= 0 || dot == dotted.length() - 1) {
          throw new YAMLException(
              "!GetAtt '" + dotted + "' is not Resource.Attribute " + node.getStartMark());
        }
        return List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
      }
    }
  }
}
