package io.switchboard.simulator.media;

import io.switchboard.simulator.SimulatorState;
import io.switchboard.simulator.twiml.Sids;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Media Twilio keeps for messages, as its Media subresource does, until it is deleted. */
@Component
public class MessageMediaStore implements SimulatorState {

  private final Map<String, SimMedia> media = new ConcurrentHashMap<>();

  /** Keeps a new piece of media of the message and returns it with its MediaSid. */
  public SimMedia add(String messageSid, String contentType, byte[] content) {
    SimMedia item =
        new SimMedia(Sids.random("ME"), messageSid, contentType, content, Instant.now());
    media.put(item.sid, item);
    return item;
  }

  /** The media, unless deleted. */
  public Optional<SimMedia> find(String messageSid, String sid) {
    return Optional.ofNullable(media.get(sid))
        .filter(m -> m.messageSid.equals(messageSid) && !m.deleted());
  }

  List<SimMedia> ofMessage(String messageSid) {
    return media.values().stream()
        .filter(m -> m.messageSid.equals(messageSid) && !m.deleted())
        .sorted(Comparator.comparing((SimMedia m) -> m.dateCreated).thenComparing(m -> m.sid))
        .toList();
  }

  @Override
  public void reset() {
    media.clear();
  }
}
