package io.switchboard.voice.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An IVR flow as operators publish it: nodes and the transitions between them, walked by {@link
 * FlowEngine}. A published flow is immutable; a call carries the version it started on.
 *
 * @param name the flow's name
 * @param version its published version (0 before publishing; boxed, so a document without one reads
 *     under Jackson 3's refusal of nulls for primitives)
 * @param start the id of the node a call starts at
 * @param nodes every node, in any order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Flow(String name, Integer version, String start, List<FlowNode> nodes) {

  public Flow {
    version = version == null ? 0 : version;
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
  }

  /** The same flow published as {@code name} version {@code version}. */
  public Flow published(String newName, int newVersion) {
    return new Flow(newName, newVersion, start, nodes);
  }

  /** The node with this id, or null. */
  public FlowNode node(String id) {
    for (FlowNode node : nodes) {
      if (node.id().equals(id)) {
        return node;
      }
    }
    return null;
  }
}
