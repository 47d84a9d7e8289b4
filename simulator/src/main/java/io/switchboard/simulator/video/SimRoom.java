package io.switchboard.simulator.video;

import java.time.Instant;

/** A Video Room as created; the simulator has no participants, so it stays in progress. */
record SimRoom(
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
    Instant created) {}
