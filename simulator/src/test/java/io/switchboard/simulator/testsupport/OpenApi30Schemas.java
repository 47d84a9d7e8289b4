package io.switchboard.simulator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * Rewrites OpenAPI 3.0 schemas as JSON Schema draft 4 for a real validator. OpenAPI 3.0 is not JSON
 * Schema: {@code nullable: true} becomes a {@code "null"} type (or a null in the enum, or an anyOf
 * with null beside a ref), refs point into {@code #/definitions}, and every object schema with
 * properties is closed ({@code additionalProperties: false}) so that a field Twilio does not
 * document fails. Twilio's formats are descriptive ({@code uri} fields hold relative paths), so
 * they are dropped, except the date formats, which become patterns.
 */
final class OpenApi30Schemas {

  private static final String RFC_2822 =
      "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
          + " \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000$";
  private static final String ISO_8601 = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$";

  private OpenApi30Schemas() {}

  /** Rewrites the tree in place and returns it. */
  static JsonNode toDraft4(JsonNode node) {
    if (node.isArray()) {
      node.forEach(OpenApi30Schemas::toDraft4);
      return node;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode object = (ObjectNode) node;
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.startsWith("x-") || name.equals("example") || name.equals("examples")) {
        names.remove();
      }
    }
    object.properties().forEach(entry -> toDraft4(entry.getValue()));
    if (object.has("$ref")) {
      object.put(
          "$ref", object.get("$ref").asText().replace("#/components/schemas/", "#/definitions/"));
    }
    convertFormat(object);
    if (object.path("type").asText().equals("object")
        && object.has("properties")
        && !object.has("additionalProperties")) {
      object.put("additionalProperties", false);
    }
    if (object.path("nullable").asBoolean(false)) {
      allowNull(object);
    }
    object.remove("nullable");
    return object;
  }

  private static void convertFormat(ObjectNode object) {
    if (!object.has("format") || !object.get("format").isTextual()) {
      return;
    }
    String format = object.get("format").asText();
    object.remove("format");
    if (format.equals("date-time-rfc-2822")) {
      object.put("pattern", RFC_2822);
    } else if (format.equals("date-time")) {
      object.put("pattern", ISO_8601);
    }
  }

  private static void allowNull(ObjectNode object) {
    if (object.has("type") && object.get("type").isTextual()) {
      ArrayNode types = JsonNodeFactory.instance.arrayNode();
      types.add(object.get("type").asText()).add("null");
      object.set("type", types);
    }
    if (object.has("enum")) {
      ((ArrayNode) object.get("enum")).addNull();
    }
    if (object.has("$ref")) {
      ArrayNode anyOf = object.putArray("anyOf");
      anyOf.addObject().put("$ref", object.get("$ref").asText());
      anyOf.addObject().put("type", "null");
      object.remove("$ref");
    }
  }
}
