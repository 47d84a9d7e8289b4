package io.switchboard.simulator.video;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Video Room: its settings as created, and its life (participants come and go, the room ends).
 * Lifecycles and REST requests change it from several threads, hence the locks.
 */
final class SimRoom {

  /** A participant in the room. */
  record Participant(String sid, String identity, Instant connected) {}

  private final String sid;
  private final String uniqueName;
  private final String type;
  private final String statusCallback;
  private final String statusCallbackMethod;
  private final int maxParticipants;
  private final boolean recordParticipantsOnConnect;
  private final boolean audioOnly;
  private final int emptyRoomTimeout;
  private final int unusedRoomTimeout;
  private final boolean enableTurn;
  private final String mediaRegion;
  private final int maxParticipantDuration;
  private final Instant created;

  private final Map<String, Participant> participants = new LinkedHashMap<>();
  private String status = "in-progress";
  private Instant ended;
  private Instant updated;
  private int sequence;
  private int everConnected;

  SimRoom(
      String sid,
      String uniqueName,
      String type,
      String statusCallback,
      String statusCallbackMethod,
      int maxParticipants,
      boolean recordParticipantsOnConnect,
      boolean audioOnly,
      int emptyRoomTimeout,
      int unusedRoomTimeout,
      boolean enableTurn,
      String mediaRegion,
      int maxParticipantDuration,
      Instant created) {
    this.sid = sid;
    this.uniqueName = uniqueName;
    this.type = type;
    this.statusCallback = statusCallback;
    this.statusCallbackMethod = statusCallbackMethod;
    this.maxParticipants = maxParticipants;
    this.recordParticipantsOnConnect = recordParticipantsOnConnect;
    this.audioOnly = audioOnly;
    this.emptyRoomTimeout = emptyRoomTimeout;
    this.unusedRoomTimeout = unusedRoomTimeout;
    this.enableTurn = enableTurn;
    this.mediaRegion = mediaRegion;
    this.maxParticipantDuration = maxParticipantDuration;
    this.created = created;
    this.updated = created;
  }

  /** The next SequenceNumber of the room's callbacks (0 for room-created). */
  synchronized int nextSequence() {
    return sequence++;
  }

  /** Connects a participant; null when the room has ended or is full. */
  synchronized Participant connect(String participantSid, String identity) {
    if (!inProgress() || participants.size() >= maxParticipants) {
      return null;
    }
    Participant participant = new Participant(participantSid, identity, Instant.now());
    participants.put(identity, participant);
    everConnected++;
    updated = participant.connected();
    return participant;
  }

  /** Disconnects a participant by identity; null when it is not in the room. */
  synchronized Participant disconnect(String identity) {
    Participant gone = participants.remove(identity);
    if (gone != null) {
      updated = Instant.now();
    }
    return gone;
  }

  /** Ends the room; answers the participants it still had, or null when it had already ended. */
  synchronized List<Participant> end() {
    if (!inProgress()) {
      return null;
    }
    status = "completed";
    ended = Instant.now();
    updated = ended;
    List<Participant> left = List.copyOf(participants.values());
    participants.clear();
    return left;
  }

  synchronized boolean inProgress() {
    return "in-progress".equals(status);
  }

  synchronized boolean empty() {
    return participants.isEmpty();
  }

  synchronized boolean neverUsed() {
    return everConnected == 0;
  }

  synchronized String status() {
    return status;
  }

  synchronized Instant endTime() {
    return ended;
  }

  synchronized Instant updated() {
    return updated;
  }

  /** Seconds from creation to the end, once ended. */
  synchronized Integer duration() {
    return ended == null ? null : (int) Duration.between(created, ended).toSeconds();
  }

  String sid() {
    return sid;
  }

  String uniqueName() {
    return uniqueName;
  }

  String type() {
    return type;
  }

  String statusCallback() {
    return statusCallback;
  }

  String statusCallbackMethod() {
    return statusCallbackMethod;
  }

  int maxParticipants() {
    return maxParticipants;
  }

  boolean recordParticipantsOnConnect() {
    return recordParticipantsOnConnect;
  }

  boolean audioOnly() {
    return audioOnly;
  }

  int emptyRoomTimeout() {
    return emptyRoomTimeout;
  }

  int unusedRoomTimeout() {
    return unusedRoomTimeout;
  }

  boolean enableTurn() {
    return enableTurn;
  }

  String mediaRegion() {
    return mediaRegion;
  }

  int maxParticipantDuration() {
    return maxParticipantDuration;
  }

  Instant created() {
    return created;
  }
}
