package io.switchboard.api.video;

/** Twilio refused to create a room (53113: a room in progress has the name). */
class RoomRefusedException extends RuntimeException {
  final Integer code;

  RoomRefusedException(Integer code, String message) {
    super(message);
    this.code = code;
  }
}
