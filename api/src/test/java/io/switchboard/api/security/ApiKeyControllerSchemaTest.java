package io.switchboard.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApiKeyControllerSchemaTest {

  /** Clients and the fuzzer learn the scopes from the OpenAPI document: it must list them all. */
  @Test
  void theDocumentedScopesAreExactlyTheScopesThereAre() throws Exception {
    ArraySchema scopes =
        ApiKeyController.NewKey.class.getDeclaredField("scopes").getAnnotation(ArraySchema.class);

    assertThat(scopes.schema().allowableValues())
        .containsExactlyInAnyOrder(
            Arrays.stream(ApiScope.values()).map(ApiScope::value).toArray(String[]::new));
  }
}
