package io.switchboard.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
}
