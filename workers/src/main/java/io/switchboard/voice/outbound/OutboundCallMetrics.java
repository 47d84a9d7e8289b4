package io.switchboard.voice.outbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.failure.ApplicationFailure;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Outbound call metrics of the worker (see docs/outbound-calls.md). Statuses are counted when their
 * event row is first written, and a call's outcome when its closing write moves the call's row, so
 * a retried write counts once.
 */
@Component
class OutboundCallMetrics {

  private final MeterRegistry meters;

  OutboundCallMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  Timer.Sample startCreate() {
    return Timer.start(meters);
  }

  void created(Timer.Sample sample, boolean adopted) {
    sample.stop(createTimer("ok"));
    meters
        .counter("switchboard.outbound.calls.placed", "how", adopted ? "adopted" : "created")
        .increment();
  }

  /** A failed create attempt, by Twilio's error class (the failure's type) and code. */
  void failed(Timer.Sample sample, ApplicationFailure failure) {
    sample.stop(createTimer("failed"));
    String type = failure.getType();
    String errorClass =
        type != null && type.startsWith("TWILIO_")
            ? type.substring("TWILIO_".length()).toLowerCase(Locale.ROOT)
            : "other";
    Integer code =
        failure.getDetails().getSize() == 0
            ? null
            : failure.getDetails().get(0, Integer.class, Integer.class);
    meters
        .counter(
            "switchboard.outbound.call.failures",
            "error_class",
            errorClass,
            "code",
            code == null ? "none" : code.toString())
        .increment();
  }

  /** A status the workflow recorded for the first time. */
  void recorded(OutboundCallActivities.StatusRecord record) {
    if (record.finished()) {
      meters.counter("switchboard.outbound.calls.finished", "status", record.status()).increment();
      return;
    }
    if ("retry-scheduled".equals(record.status())) {
      meters.counter("switchboard.outbound.call.retries").increment();
    } else if ("in-progress".equals(record.status())) {
      String by = record.answeredBy();
      boolean machine = by != null && (by.startsWith("machine") || by.equals("fax"));
      meters
          .counter(
              "switchboard.outbound.calls.answered",
              "answered_by",
              by == null || by.equals("unknown") ? "unknown" : machine ? "machine" : "human")
          .increment();
      if (machine) {
        meters
            .counter("switchboard.outbound.calls.machine.detected", "answered_by", by)
            .increment();
      }
    }
  }

  private Timer createTimer(String outcome) {
    return Timer.builder("switchboard.outbound.call.create")
        .description("Twilio's Calls create for an outbound call attempt")
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(meters);
  }
}
