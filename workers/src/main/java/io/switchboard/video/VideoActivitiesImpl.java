package io.switchboard.video;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.video.v1.Room;
import io.switchboard.twilio.TwilioFailures;
import io.switchboard.twilio.WebhookUrls;
import io.temporal.activity.Activity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Rooms through twilio-java, with status callbacks to our {@code /webhooks/video} that name the
 * room's workflow (in the query, under Twilio's signature).
 */
@Component("videoActivities")
public class VideoActivitiesImpl implements VideoActivities {

  private final TwilioRestClient client;
  private final WebhookUrls urls;

  public VideoActivitiesImpl(TwilioRestClient client, WebhookUrls urls) {
    this.client = client;
    this.urls = urls;
  }

  @Override
  public RoomInfo createRoom(RoomRequest request) {
    try {
      if (Activity.getExecutionContext().getInfo().getAttempt() > 1) {
        RoomInfo earlier = inProgress(request.uniqueName());
        if (earlier != null) {
          return earlier;
        }
      }
      var creator = Room.creator().setUniqueName(request.uniqueName());
      if (request.type() != null) {
        creator.setType(Room.RoomType.forValue(request.type()));
      }
      String workflowId = Activity.getExecutionContext().getInfo().getWorkflowId();
      urls.of("/webhooks/video?workflowId=" + URLEncoder.encode(workflowId, StandardCharsets.UTF_8))
          .ifPresent(creator::setStatusCallback);
      return info(creator.create(client));
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
  }

  @Override
  public RoomInfo completeRoom(String roomSid) {
    try {
      Room room = Room.fetcher(roomSid).fetch(client);
      if (room.getStatus() != Room.RoomStatus.IN_PROGRESS) {
        return info(room);
      }
      return info(Room.updater(roomSid, Room.RoomStatus.COMPLETED).update(client));
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
  }

  /** Twilio fetches a room in progress by its unique name as well as by its SID. */
  private RoomInfo inProgress(String uniqueName) {
    try {
      Room room = Room.fetcher(uniqueName).fetch(client);
      return room.getStatus() == Room.RoomStatus.IN_PROGRESS ? info(room) : null;
    } catch (ApiException e) {
      if (e.getStatusCode() != null && e.getStatusCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  private static RoomInfo info(Room room) {
    return new RoomInfo(
        room.getSid(),
        room.getUniqueName(),
        room.getType() == null ? null : room.getType().toString(),
        room.getStatus() == null ? null : room.getStatus().toString());
  }
}
