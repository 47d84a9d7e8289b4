package io.switchboard.simulator.video;

import io.switchboard.simulator.LifecycleProperties;
import io.switchboard.simulator.callbacks.Callback;
import io.switchboard.simulator.callbacks.CallbackDispatcher;
import io.switchboard.simulator.callbacks.SimulatorExecutor;
import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Sids;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What happens to a room and the status callbacks Twilio sends about it: room-created,
 * participant-connected and -disconnected, room-ended, each signed and numbered (SequenceNumber) in
 * the room's order. A room ends when it is completed through the REST API, when nobody joined it
 * within UnusedRoomTimeout minutes, or when it stayed empty for EmptyRoomTimeout minutes after its
 * last participant left.
 */
@Component
class RoomLife {

  private final Accounts accounts;
  private final CallbackDispatcher callbacks;
  private final SimulatorExecutor executor;
  private final Duration minute;

  RoomLife(
      Accounts accounts,
      CallbackDispatcher callbacks,
      SimulatorExecutor executor,
      LifecycleProperties lifecycle) {
    this.accounts = accounts;
    this.callbacks = callbacks;
    this.executor = executor;
    this.minute = lifecycle.roomTimeoutMinute();
  }

  void created(SimRoom room) {
    send(room, "room-created", null, Map.of());
    executor.schedule(
        () -> {
          if (room.neverUsed()) {
            end(room);
          }
        },
        minute.multipliedBy(room.unusedRoomTimeout()));
  }

  /** Connects a participant; null when the room has ended or is full. */
  SimRoom.Participant connect(SimRoom room, String identity) {
    SimRoom.Participant participant = room.connect(Sids.next("PA"), identity);
    if (participant != null) {
      send(room, "participant-connected", participant, Map.of("ParticipantStatus", "connected"));
    }
    return participant;
  }

  /** Disconnects a participant; an empty room ends after its EmptyRoomTimeout. */
  SimRoom.Participant disconnect(SimRoom room, String identity) {
    SimRoom.Participant gone = room.disconnect(identity);
    if (gone == null) {
      return null;
    }
    disconnected(room, gone);
    if (room.empty()) {
      executor.schedule(
          () -> {
            if (room.empty()) {
              end(room);
            }
          },
          minute.multipliedBy(room.emptyRoomTimeout()));
    }
    return gone;
  }

  /** Ends the room once: its participants are disconnected first, as Twilio reports them. */
  void end(SimRoom room) {
    List<SimRoom.Participant> left = room.end();
    if (left == null) {
      return;
    }
    left.forEach(participant -> disconnected(room, participant));
    send(room, "room-ended", null, Map.of("RoomDuration", String.valueOf(room.duration())));
  }

  private void disconnected(SimRoom room, SimRoom.Participant participant) {
    long seconds = Duration.between(participant.connected(), Instant.now()).toSeconds();
    send(
        room,
        "participant-disconnected",
        participant,
        Map.of(
            "ParticipantStatus", "disconnected", "ParticipantDuration", String.valueOf(seconds)));
  }

  private void send(
      SimRoom room, String event, SimRoom.Participant participant, Map<String, String> extra) {
    if (room.statusCallback() == null) {
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accounts.sid());
    params.put("RoomSid", room.sid());
    params.put("RoomName", room.uniqueName());
    params.put("RoomType", room.type());
    params.put("RoomStatus", room.status());
    params.put("StatusCallbackEvent", event);
    params.put("SequenceNumber", String.valueOf(room.nextSequence()));
    params.put("Timestamp", Instant.now().toString());
    if (participant != null) {
      params.put("ParticipantSid", participant.sid());
      params.put("ParticipantIdentity", participant.identity());
    }
    params.putAll(extra);
    // One idempotency token per event and participant: Twilio's retries of one callback share it.
    String status = participant == null ? event : event + ":" + participant.sid();
    callbacks.send(
        new Callback(
            room.sid(),
            Set.of(),
            room.statusCallback(),
            room.statusCallbackMethod(),
            params,
            status,
            "room-ended".equals(event)));
  }
}
