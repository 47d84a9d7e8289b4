package io.switchboard.simulator.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.switchboard.simulator.rest.TwilioOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Twilio's published OpenAPI documents as a test oracle: a response the simulator gives must
 * validate against the schema Twilio documents for that path, method and status, and a parameter it
 * reads must be one Twilio documents.
 *
 * <p>OpenAPI 3.0 is not JSON Schema: {@code nullable: true} is turned into a {@code "null"} type,
 * refs into {@code #/definitions}, and every object schema with properties is closed ({@code
 * additionalProperties: false}) so that a field Twilio does not document fails. Twilio's own
 * formats are descriptive ({@code uri} fields hold relative paths), so they are dropped, except the
 * date formats, which become patterns.
 */
public final class OpenApiContract {

  /** Where the documents are; {@code -Dtwilio.oai.dir=...} overrides. */
  public static final String DIRECTORY_PROPERTY = "twilio.oai.dir";

  private static final String DEFAULT_DIRECTORY = "../../shared/twilio-oai";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<TwilioOperation.Api, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

  private OpenApiContract() {}

  public static JsonNode document(TwilioOperation.Api api) {
    return DOCUMENTS.computeIfAbsent(api, OpenApiContract::load);
  }

  private static JsonNode load(TwilioOperation.Api api) {
    Path directory = Path.of(System.getProperty(DIRECTORY_PROPERTY, DEFAULT_DIRECTORY));
    Path file = directory.resolve(api.document());
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "Twilio's OpenAPI document "
              + file.toAbsolutePath().normalize()
              + " is missing. The simulator's contract tests need Twilio's published documents"
              + " (shared/twilio-oai beside the repository); set -D"
              + DIRECTORY_PROPERTY
              + "=<directory> to point elsewhere.");
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  /** The request parameters (query and form) Twilio documents for a path and method. */
  public static Set<String> documentedParameters(
      TwilioOperation.Api api, String path, String method) {
    JsonNode operation = document(api).path("paths").path(path).path(method.toLowerCase());
    if (operation.isMissingNode()) {
      fail("Twilio documents no " + method + " " + path);
    }
    Set<String> names = new HashSet<>();
    operation.path("parameters").forEach(p -> names.add(p.path("name").asText()));
    operation
        .path("requestBody")
        .path("content")
        .path("application/x-www-form-urlencoded")
        .path("schema")
        .path("properties")
        .fieldNames()
        .forEachRemaining(names::add);
    return names;
  }

  /**
   * Fails unless the body is what Twilio documents for this request: the resource's schema for a
   * success, Twilio's error JSON for a failure.
   *
   * @param url the URL twilio-java meant, on {@code api.twilio.com} or {@code video.twilio.com}
   */
  public static void assertValidResponse(String method, String url, int status, String body) {
    TwilioOperation.Api api =
        url.startsWith("https://video.twilio.com")
            ? TwilioOperation.Api.VIDEO
            : TwilioOperation.Api.V2010;
    String path = url.replaceFirst("^https://[a-z]+\\.twilio\\.com", "").replaceFirst("\\?.*$", "");
    String template = template(api, path);
    String key = api + " " + method + " " + template + " " + status;
    if (status == 204) {
      assertThat(body).as(key + " has no body").isNullOrEmpty();
      return;
    }
    JsonSchema schema = SCHEMAS.computeIfAbsent(key, k -> schema(api, template, method, status));
    JsonNode json;
    try {
      json = JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(key + " answered something that is not JSON: " + body, e);
    }
    Set<ValidationMessage> errors = schema.validate(json);
    if (!errors.isEmpty()) {
      fail(key + " does not match Twilio's schema: " + errors + "\n" + body);
    }
  }

  private static String template(TwilioOperation.Api api, String path) {
    List<String> matches = new ArrayList<>();
    document(api)
        .path("paths")
        .fieldNames()
        .forEachRemaining(
            candidate -> {
              String regex = "\\Q" + candidate.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
              if (path.matches(regex)) {
                matches.add(candidate);
              }
            });
    return matches.stream()
        .min(Comparator.comparingLong(t -> t.chars().filter(c -> c == '{').count()))
        .orElseThrow(() -> new AssertionError("Twilio documents no path like " + path));
  }

  private static JsonSchema schema(
      TwilioOperation.Api api, String template, String method, int status) {
    ObjectNode root;
    if (status >= 400) {
      root = errorSchema();
    } else {
      JsonNode response =
          document(api)
              .path("paths")
              .path(template)
              .path(method.toLowerCase())
              .path("responses")
              .path(String.valueOf(status));
      if (response.isMissingNode()) {
        fail("Twilio documents no HTTP " + status + " for " + method + " " + template);
      }
      root =
          (ObjectNode)
              OpenApi30Schemas.toDraft4(
                  response.path("content").path("application/json").path("schema").deepCopy());
    }
    root.set("definitions", definitions(api));
    return FACTORY.getSchema(root);
  }

  private static ObjectNode errorSchema() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("code").put("type", "integer");
    properties.putObject("message").put("type", "string");
    properties.putObject("more_info").put("type", "string");
    properties.putObject("status").put("type", "integer");
    ArrayNode required = schema.putArray("required");
    List.of("code", "message", "more_info", "status").forEach(required::add);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static final Map<TwilioOperation.Api, ObjectNode> DEFINITIONS = new ConcurrentHashMap<>();

  private static ObjectNode definitions(TwilioOperation.Api api) {
    return DEFINITIONS.computeIfAbsent(
        api,
        a ->
            (ObjectNode)
                OpenApi30Schemas.toDraft4(
                    document(a).path("components").path("schemas").deepCopy()));
  }
}
