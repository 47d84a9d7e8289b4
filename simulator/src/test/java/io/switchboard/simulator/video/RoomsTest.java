package io.switchboard.simulator.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.rest.video.v1.Room;
import io.switchboard.simulator.testsupport.SimulatorTest;
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
}
