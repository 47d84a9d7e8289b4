package io.switchboard.video;

/**
 * Video room workflow ids: {@code video-room:{uniqueName}}. A unique name names one room in
 * progress at a time, at Twilio and here, so the api finds a room's workflow by the name it was
 * given.
 */
public final class VideoRoomWorkflowIds {

  public static final String PREFIX = "video-room:";

  private VideoRoomWorkflowIds() {}

  public static String room(String uniqueName) {
    return PREFIX + uniqueName;
  }
}
