package io.switchboard.api.ops;

import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Temporal's frontend answers its gRPC health check; without it no webhook can be handed on. */
@Component("temporal")
public class TemporalHealthIndicator extends AbstractHealthIndicator {

  private final WorkflowServiceStubs stubs;

  public TemporalHealthIndicator(WorkflowServiceStubs stubs) {
    super("Temporal health check failed");
    this.stubs = stubs;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    var response = stubs.healthCheck();
    boolean serving =
        response.getStatus() == io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING;
    (serving ? builder.up() : builder.down()).withDetail("status", response.getStatus().name());
  }
}
