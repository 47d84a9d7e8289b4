package io.switchboard.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: the REST API's contract. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI switchboardOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Switchboard API")
                .version("v1")
                .description(
                    "Calls, messages and recordings on Twilio, run by Temporal workflows. Every"
                        + " endpoint takes 'Authorization: Bearer <api key>'; errors are RFC 9457"
                        + " problem documents.")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "apiKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API key; scopes are listed on each operation.")))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"));
  }

  /**
   * Documents the errors every operation can answer, as problem documents, so that clients and API
   * fuzzers know the shape of failures as well as of successes.
   */
  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      Schema<?> problem =
          new ObjectSchema()
              .addProperty("type", new StringSchema().format("uri"))
              .addProperty("title", new StringSchema())
              .addProperty("status", new IntegerSchema())
              .addProperty("detail", new StringSchema())
              .addProperty("instance", new StringSchema());
      openApi.getComponents().addSchemas("Problem", problem);
      Content content =
          new Content()
              .addMediaType(
                  "application/problem+json",
                  new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
      openApi
          .getPaths()
          .values()
          .forEach(
              path ->
                  path.readOperations()
                      .forEach(
                          operation -> {
                            operation
                                .getResponses()
                                .addApiResponse("400", problem("Invalid request", content))
                                .addApiResponse(
                                    "401", problem("Missing or unknown API key", content))
                                .addApiResponse(
                                    "403", problem("The API key lacks the scope", content))
                                .addApiResponse(
                                    "503", problem("The database is unavailable", content));
                            if (operation.getRequestBody() != null) {
                              operation
                                  .getResponses()
                                  .addApiResponse("415", problem("The body is not JSON", content));
                            }
                            if (operation.getParameters() != null
                                && operation.getParameters().stream()
                                    .anyMatch(p -> "path".equals(p.getIn()))) {
                              operation
                                  .getResponses()
                                  .addApiResponse("404", problem("No such resource", content));
                            }
                          }));
    };
  }

  private static ApiResponse problem(String description, Content content) {
    return new ApiResponse().description(description).content(content);
  }
}
