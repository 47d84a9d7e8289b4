package io.switchboard.video;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.video.v1.Room;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.twilio.TwilioFailures;
import io.temporal.activity.Activity;
import java.net.URI;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Rooms through twilio-java, with status callbacks to our {@code /webhooks/video}. */
@Component("videoActivities")
public class VideoActivitiesImpl implements VideoActivities {

  private final TwilioRestClient client;
  private final SwitchboardProperties properties;
  private final Environment environment;

  public VideoActivitiesImpl(
      TwilioRestClient client, SwitchboardProperties properties, Environment environment) {
    this.client = client;
    this.properties = properties;
    this.environment = environment;
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
      URI callback = statusCallback();
      if (callback != null) {
        creator.setStatusCallback(callback);
      }
      return info(creator.create(client));
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

  private URI statusCallback() {
    String base;
    if (properties.publicUrl() != null) {
      base = properties.publicUrl().toString();
    } else if (properties.twilio().effectiveMode() == SwitchboardProperties.TwilioMode.SIMULATOR) {
      base = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
    } else {
      return null;
    }
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return URI.create(base + "/webhooks/video");
  }

  private static RoomInfo info(Room room) {
    return new RoomInfo(
        room.getSid(),
        room.getUniqueName(),
        room.getType() == null ? null : room.getType().toString(),
        room.getStatus() == null ? null : room.getStatus().toString());
  }
}
