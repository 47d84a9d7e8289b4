package io.switchboard.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The simulator is mounted only in simulator mode: {@code switchboard.twilio.mode=simulator}, or no
 * mode and no Twilio account configured (DESIGN's default). A platform talking to the real Twilio
 * must not also serve a fake Twilio with an unauthenticated control API.
 */
class SimulatorModeCondition implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return simulatorMode(
        context.getEnvironment().getProperty("switchboard.twilio.mode", ""),
        context.getEnvironment().getProperty("switchboard.twilio.account-sid", ""));
  }

  static boolean simulatorMode(String mode, String accountSid) {
    return mode.isBlank() ? accountSid.isBlank() : mode.equalsIgnoreCase("simulator");
  }
}
