package io.switchboard.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's text: {@code {{name}}} placeholders filled from variables. Every placeholder must
 * have a value; a template with a stray {@code {{} or {@code }}} is refused when it is saved, so
 * that a typo never reaches a recipient.
 */
public final class TemplateText {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]{0,63})\\s*}}");

  private static final ObjectMapper JSON = new ObjectMapper();

  private TemplateText() {}

  /** The variables a text uses, in order of first use; refuses malformed placeholders. */
  public static Set<String> variables(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    String rest = PLACEHOLDER.matcher(text).replaceAll("");
    if (rest.contains("{{") || rest.contains("}}")) {
      throw new IllegalArgumentException(
          "A placeholder is malformed: write {{name}} with a name of letters, digits and _.");
    }
    return names;
  }

  /** The variables a text uses that {@code values} lacks (or has blank), in order of first use. */
  public static List<String> missing(String text, Map<String, String> values) {
    List<String> missing = new ArrayList<>();
    for (String name : variables(text)) {
      String value = values == null ? null : values.get(name);
      if (value == null || value.isBlank()) {
        missing.add(name);
      }
    }
    return missing;
  }

  /** The text with every placeholder filled; refuses it if any variable is missing. */
  public static String render(String text, Map<String, String> values) {
    List<String> missing = missing(text, values);
    if (!missing.isEmpty()) {
      throw new MissingVariablesException(missing);
    }
    return PLACEHOLDER
        .matcher(text)
        .replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
  }

  /**
   * Twilio's ContentVariables JSON for an approved WhatsApp template: {@code {"1": …, "2": …}},
   * numbered in the order of {@code names} (our variable names, comma-separated).
   */
  public static String contentVariables(String names, Map<String, String> values) {
    Map<String, String> numbered = new LinkedHashMap<>();
    if (names != null && !names.isBlank()) {
      String[] list = names.split(",");
      for (int i = 0; i < list.length; i++) {
        String value = values == null ? null : values.get(list[i].trim());
        numbered.put(String.valueOf(i + 1), value == null ? "" : value);
      }
    }
    try {
      return JSON.writeValueAsString(numbered);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strings always serialise", e);
    }
  }

  /** A template rendered without values for some of its variables. */
  public static final class MissingVariablesException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> names;

    public MissingVariablesException(List<String> names) {
      super("Missing template variables: " + String.join(", ", names) + ".");
      this.names = List.copyOf(names);
    }

    public List<String> names() {
      return names;
    }
  }
}
