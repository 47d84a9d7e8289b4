package io.switchboard.api.security;

/** Why a webhook was turned away before it reached a controller. */
public enum WebhookRejection {
  IP_NOT_ALLOWED,
  MISSING_SIGNATURE,
  INVALID_SIGNATURE,
  UNKNOWN_ACCOUNT,
  UNSUPPORTED_MEDIA_TYPE,
  BODY_TOO_LARGE,
  MALFORMED_BODY,
  PARAMETER_TOO_LONG
}
