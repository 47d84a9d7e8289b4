package io.switchboard.platform;

import io.switchboard.common.SwitchboardSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Registers {@link SwitchboardSearchAttributes} on the embedded Temporal server, so that workflows
 * can upsert them: the dev server takes them as start-up flags (idempotent across restarts on the
 * same database), the in-memory server through the operator API.
 */
final class EmbeddedSearchAttributes {

  private EmbeddedSearchAttributes() {}

  /** {@code --search-attribute CallSid=Keyword ...} for {@code temporal server start-dev}. */
  static List<String> devServerFlags() {
    List<String> flags = new ArrayList<>();
    for (SearchAttributeKey<?> key : SwitchboardSearchAttributes.ALL) {
      flags.add("--search-attribute");
      flags.add(key.getName() + "=" + typeName(key.getValueType()));
    }
    return flags;
  }

  /** Registers the attributes on a server reachable at the target (the in-memory one). */
  static void register(String target) {
    OperatorServiceStubs stubs =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(target)
                .validateAndBuildWithDefaults());
    try {
      AddSearchAttributesRequest.Builder request =
          AddSearchAttributesRequest.newBuilder().setNamespace("default");
      for (SearchAttributeKey<?> key : SwitchboardSearchAttributes.ALL) {
        request.putSearchAttributes(key.getName(), key.getValueType());
      }
      stubs.blockingStub().addSearchAttributes(request.build());
    } finally {
      stubs.shutdownNow();
    }
  }

  /** {@code INDEXED_VALUE_TYPE_KEYWORD_LIST} to {@code KeywordList}, as the CLI spells types. */
  static String typeName(IndexedValueType type) {
    StringBuilder name = new StringBuilder();
    for (String part : type.name().replace("INDEXED_VALUE_TYPE_", "").split("_")) {
      name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }
}
