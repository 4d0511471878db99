package com.aigency.agents.model;

import com.aigency.shared.agents.ChatMessage;
import com.aigency.shared.agents.ModelClient;
import com.aigency.shared.agents.ModelException;
import com.aigency.shared.agents.ModelReply;
import com.aigency.shared.agents.ModelRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.OpenAIException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionUsage;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A {@link ModelClient} over the OpenAI Java SDK's chat completions, with structured outputs
 * ({@code response_format: json_schema, strict: true}).
 *
 * <p>Retries are the SDK's own: 408, 409, 429, 5xx and I/O failures (timeouts included) are retried
 * up to {@link OpenAiSettings#maxRetries()} times, waiting {@code retry-after-ms} or {@code
 * retry-after} when the server sends one (capped at 8 s), otherwise 0.5 s, 1 s, 2 s ... (capped at
 * 8 s, less up to 25% jitter). Failures left after the retries become a {@link ModelException}
 * named by {@link ModelErrors}.
 */
public final class OpenAiModelClient implements ModelClient, AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(OpenAiModelClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenAiSettings settings;
  private final Supplier<Optional<String>> apiKey;

  // Rebuilt only when the key changes (rotation), so connections are reused between calls.
  private String clientKey;
  private OpenAIClient client;

  /**
   * @param apiKey the current key, read at every call (a cached {@link ApiKeyProvider} in Lambda)
   */
  public OpenAiModelClient(OpenAiSettings settings, Supplier<Optional<String>> apiKey) {
    this.settings = settings;
    this.apiKey = apiKey;
  }

  public OpenAiModelClient(OpenAiSettings settings, String apiKey) {
    this(settings, () -> Optional.of(apiKey));
  }

  @Override
  public ModelReply complete(ModelRequest request) throws ModelException {
    if (request.outputSchema() == null || !request.outputSchema().isObject()) {
      throw new IllegalArgumentException("Agent " + request.agent() + " has no JSON schema object for its output");
    }
    String key =
        currentKey()
            .orElseThrow(
                () -> new ModelException("Agent.Unauthorized", "No model API key is configured", null));
    String model = request.model() == null || request.model().isBlank() ? settings.model() : request.model();
    ChatCompletion completion;
    try {
      completion = client(key).chat().completions().create(params(request, model));
    } catch (OpenAIException e) {
      ModelException failure = ModelErrors.map(e, key);
      LOG.warn(
          "Model call failed: agent={} model={} error={} ({})",
          request.agent(),
          model,
          failure.errorName(),
          failure.getMessage());
      throw failure;
    }
    return reply(request, model, completion);
  }

  private Optional<String> currentKey() {
    try {
      return apiKey.get();
    } catch (RuntimeException e) {
      // Secrets Manager unreachable or denied: the model cannot be called, like an outage.
      throw new ModelException(
          "Agent.ModelUnavailable", "The model API key could not be read: " + e.getClass().getSimpleName(), e);
    }
  }

  private ChatCompletionCreateParams params(ModelRequest request, String model) {
    ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(model);
    if (request.systemPrompt() != null && !request.systemPrompt().isBlank()) {
      params.addSystemMessage(request.systemPrompt());
    }
    for (ChatMessage message : request.messages()) {
      switch (message.role()) {
        case SYSTEM -> params.addSystemMessage(message.content());
        case USER -> params.addUserMessage(message.content());
        case ASSISTANT -> params.addAssistantMessage(message.content());
      }
    }
    if (request.maxOutputTokens() > 0) {
      params.maxCompletionTokens(request.maxOutputTokens());
    }
    return params.responseFormat(responseFormat(request)).build();
  }

  private static ResponseFormatJsonSchema responseFormat(ModelRequest request) {
    ResponseFormatJsonSchema.JsonSchema.Schema.Builder schema =
        ResponseFormatJsonSchema.JsonSchema.Schema.builder();
    for (Map.Entry<String, JsonNode> field : request.outputSchema().properties()) {
      schema.putAdditionalProperty(field.getKey(), JsonValue.fromJsonNode(field.getValue()));
    }
    return ResponseFormatJsonSchema.builder()
        .jsonSchema(
            ResponseFormatJsonSchema.JsonSchema.builder()
                .name(schemaName(request))
                .schema(schema.build())
                .strict(true)
                .build())
        .build();
  }

  /** OpenAI requires a name of letters, digits, '_' and '-'; the agent's name is the fallback. */
  private static String schemaName(ModelRequest request) {
    String name = request.schemaName() == null || request.schemaName().isBlank() ? request.agent() : request.schemaName();
    return name == null ? "output" : name.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static ModelReply reply(ModelRequest request, String model, ChatCompletion completion) {
    if (completion.choices().isEmpty()) {
      throw new ModelException("Agent.InvalidOutput", "The model returned no choices", null);
    }
    var message = completion.choices().get(0).message();
    if (message.refusal().isPresent()) {
      throw new ModelException("Agent.InvalidOutput", "The model refused: " + message.refusal().get(), null);
    }
    String content = message.content().orElse("");
    JsonNode output;
    try {
      output = JSON.readTree(content);
    } catch (Exception e) {
      // No cause: the parser's message quotes the model output, which may be long or sensitive.
      throw new ModelException(
          "Agent.InvalidOutput",
          "The model reply for agent " + request.agent() + " is not valid JSON (" + content.length() + " chars)",
          null);
    }
    if (output == null || !output.isObject()) {
      throw new ModelException(
          "Agent.InvalidOutput", "The model reply for agent " + request.agent() + " is not a JSON object", null);
    }
    Optional<CompletionUsage> usage = completion.usage();
    return new ModelReply(
        output,
        usage.map(CompletionUsage::promptTokens).orElse(0L),
        usage.map(CompletionUsage::completionTokens).orElse(0L),
        completion.model().isBlank() ? model : completion.model(),
        false);
  }

  private synchronized OpenAIClient client(String key) {
    if (client == null || !key.equals(clientKey)) {
      if (client != null) {
        client.close();
      }
      client =
          OpenAIOkHttpClient.builder()
              .baseUrl(settings.baseUrl())
              .apiKey(key)
              .timeout(settings.timeout())
              .maxRetries(settings.maxRetries())
              .build();
      clientKey = key;
    }
    return client;
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
