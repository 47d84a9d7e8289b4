package io.switchboard.simulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.testsupport.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulator accepts only parameters Twilio documents, on paths Twilio documents. */
class DocumentedParametersTest {

  @ParameterizedTest
  @EnumSource(TwilioOperation.class)
  void everyAcceptedParameterIsOneTwilioDocumentsForThatPath(TwilioOperation operation) {
    assertThat(
            OpenApiContract.documentedParameters(
                operation.api(), operation.path(), operation.method()))
        .as("parameters Twilio documents for %s %s", operation.method(), operation.path())
        .containsAll(operation.parameters());
  }

  @Test
  void readingAnUndeclaredParameterIsRefused() {
    var request = new org.springframework.mock.web.MockHttpServletRequest();
    request.addParameter("Foo", "bar");
    Form form = Form.of(TwilioOperation.FETCH_MESSAGE, request);

    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> form.get("Foo"));
  }
}
