package io.switchboard.simulator.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.rest.video.v1.Room;
import io.switchboard.simulator.testsupport.CallbackReceiver.Received;
import io.switchboard.simulator.testsupport.SimulatorTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomsTest extends SimulatorTest {

  @Test
  void createsARoomInProgressThatCanBeFetchedBySidOrUniqueName() {
    Room created =
        Room.creator().setUniqueName("consult-42").setType(Room.RoomType.GROUP).create(twilio);

    Room bySid = Room.fetcher(created.getSid()).fetch(twilio);
    Room byName = Room.fetcher("consult-42").fetch(twilio);

    assertThat(created.getSid()).startsWith("RM").hasSize(34);
    assertThat(created.getStatus()).isEqualTo(Room.RoomStatus.IN_PROGRESS);
    assertThat(created.getAccountSid()).isEqualTo(ACCOUNT_SID);
    assertThat(bySid.getUniqueName()).isEqualTo("consult-42");
    assertThat(byName.getSid()).isEqualTo(created.getSid());
  }

  @Test
  void refusesAUniqueNameInUseWith53113() {
    Room.creator().setUniqueName("taken").create(twilio);

    ApiException refused =
        catchThrowableOfType(
            ApiException.class, () -> Room.creator().setUniqueName("taken").create(twilio));

    assertThat(refused.getCode()).isEqualTo(53113);
  }

  @Test
  void unknownRoomIsNotFoundWith20404() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () -> Room.fetcher("RM0123456789abcdef0123456789abcdef").fetch(twilio));

    assertThat(refused.getCode()).isEqualTo(20404);
  }

  @Test
  void participantsComeAndGoAndCompletingTheRoomSendsSignedCallbacksInOrder() throws Exception {
    Room room =
        Room.creator()
            .setUniqueName("consult-7")
            .setStatusCallback(URI.create(callbackUrl("room-a")))
            .create(twilio);
    assertThat(join("consult-7", "{\"identity\":\"alice\"}")).isEqualTo(201);
    assertThat(join("consult-7", "{\"identity\":\"bob\"}")).isEqualTo(201);
    assertThat(
            send("DELETE", "/simulator/api/video/rooms/consult-7/participants/bob", null)
                .statusCode())
        .isEqualTo(200);

    Room completed = Room.updater(room.getSid(), Room.RoomStatus.COMPLETED).update(twilio);

    assertThat(completed.getStatus()).isEqualTo(Room.RoomStatus.COMPLETED);
    List<Received> received = callbacks.await("room-a", all -> all.size() == 6);
    assertThat(received.stream().map(r -> r.get("StatusCallbackEvent")))
        .containsExactly(
            "room-created",
            "participant-connected",
            "participant-connected",
            "participant-disconnected",
            "participant-disconnected",
            "room-ended");
    assertThat(received).allMatch(Received::signatureValid);
    assertThat(received.stream().map(r -> r.get("SequenceNumber")))
        .containsExactly("0", "1", "2", "3", "4", "5");
    assertThat(received.get(3).get("ParticipantIdentity")).isEqualTo("bob");
    assertThat(received.get(4).get("ParticipantIdentity")).isEqualTo("alice");
    assertThat(received.get(5).get("RoomStatus")).isEqualTo("completed");
    assertThat(received.stream().map(Received::idempotencyToken).distinct()).hasSize(6);
    assertThat(Room.fetcher(room.getSid()).fetch(twilio).getEndTime()).isNotNull();
    ApiException again =
        catchThrowableOfType(
            ApiException.class,
            () -> Room.updater(room.getSid(), Room.RoomStatus.COMPLETED).update(twilio));
    assertThat(again.getStatusCode()).isEqualTo(400);
    assertThat(join("consult-7", "{\"identity\":\"carol\"}")).isEqualTo(409);
  }

  @Test
  void aRoomNobodyJoinsEndsAfterItsUnusedRoomTimeout() {
    Room room =
        Room.creator()
            .setUniqueName("nobody-came")
            .setUnusedRoomTimeout(1)
            .setStatusCallback(URI.create(callbackUrl("room-b")))
            .create(twilio);

    List<Received> received = callbacks.await("room-b", all -> all.size() == 2);

    assertThat(received.get(1).get("StatusCallbackEvent")).isEqualTo("room-ended");
    assertThat(Room.fetcher(room.getSid()).fetch(twilio).getStatus())
        .isEqualTo(Room.RoomStatus.COMPLETED);
    // The name is free again once the room ended.
    assertThat(Room.creator().setUniqueName("nobody-came").create(twilio).getSid())
        .isNotEqualTo(room.getSid());
  }

  private int join(String room, String body) throws Exception {
    return send("POST", "/simulator/api/video/rooms/" + room + "/participants", body).statusCode();
  }
}
