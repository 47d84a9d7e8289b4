package io.switchboard.api.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.web.NotFoundException;
import io.switchboard.messaging.TemplateText;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Message templates: a text per name and locale, with variables, checked when saved. */
@RestController
@RequestMapping(path = "/api/templates", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Templates")
public class TemplateController {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
  private static final Pattern CONTENT_SID = Pattern.compile("HX[0-9a-fA-F]{32}");

  private final TemplateStore templates;
  private final Clock clock;

  public TemplateController(TemplateStore templates, Clock clock) {
    this.templates = templates;
    this.clock = clock;
  }

  @PutMapping(path = "/{name}/{locale}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "putTemplate",
      summary = "Create or replace a template for a locale (scope messages:write)",
      description =
          "Placeholders are {{name}}; a malformed one is refused. A WhatsApp template may name"
              + " its approved Content template (contentSid) and which variables fill it.")
  ResponseEntity<TemplateView> put(
      @PathVariable String name, @PathVariable String locale, @RequestBody TemplateRequest body) {
    TemplateView template = validate(name, locale, body);
    boolean created = templates.put(template, clock.instant());
    TemplateView saved = templates.find(name, template.locale()).orElseThrow();
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(saved);
  }

  @GetMapping("/{name}/{locale}")
  @Operation(operationId = "getTemplate", summary = "A template (scope messages:read)")
  TemplateView get(@PathVariable String name, @PathVariable String locale) {
    return templates
        .find(name, tag(locale))
        .orElseThrow(() -> new NotFoundException("No template " + name + " for " + locale + "."));
  }

  @GetMapping
  @Operation(
      operationId = "listTemplates",
      summary = "Templates, by name and locale (scope messages:read)")
  List<TemplateView> list(@RequestParam(required = false) String name) {
    return templates.list(name);
  }

  @DeleteMapping("/{name}/{locale}")
  @Operation(operationId = "deleteTemplate", summary = "Delete a template (scope messages:write)")
  ResponseEntity<Void> delete(@PathVariable String name, @PathVariable String locale) {
    if (!templates.delete(name, tag(locale))) {
      throw new NotFoundException("No template " + name + " for " + locale + ".");
    }
    return ResponseEntity.noContent().build();
  }

  /** Locales are stored as canonical BCP 47 tags, so {@code es-mx} finds {@code es-MX}. */
  private static String tag(String locale) {
    return Locale.forLanguageTag(locale).toLanguageTag();
  }

  static TemplateView validate(String name, String locale, TemplateRequest body) {
    if (!NAME.matcher(name).matches()) {
      throw new InvalidTemplateException(
          "A template name has 1 to 100 letters, digits, '.', '_' or '-'.");
    }
    String tag = Locale.forLanguageTag(locale).toLanguageTag();
    if ("und".equals(tag) || !tag.equalsIgnoreCase(locale)) {
      throw new InvalidTemplateException("'" + locale + "' is not a BCP 47 locale (en, es-MX).");
    }
    if (body == null || body.body() == null || body.body().isBlank()) {
      throw new InvalidTemplateException("A template needs a 'body'.");
    }
    if (body.body().length() > MessageValidator.MAX_BODY) {
      throw new InvalidTemplateException("A template's body may have at most 1,600 characters.");
    }
    try {
      TemplateText.variables(body.body());
    } catch (IllegalArgumentException e) {
      throw new InvalidTemplateException(e.getMessage());
    }
    if (body.contentSid() != null && !CONTENT_SID.matcher(body.contentSid()).matches()) {
      throw new InvalidTemplateException("'contentSid' is a Twilio Content SID: HX and 32 hex.");
    }
    List<String> contentVariables = body.contentVariables();
    if (contentVariables != null) {
      if (body.contentSid() == null) {
        throw new InvalidTemplateException("'contentVariables' need a 'contentSid'.");
      }
      for (String variable : contentVariables) {
        if (variable == null || !variable.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
          throw new InvalidTemplateException("Each of 'contentVariables' is a variable name.");
        }
      }
    }
    return TemplateView.of(name, tag, body.body(), body.contentSid(), contentVariables, null, null);
  }
}
