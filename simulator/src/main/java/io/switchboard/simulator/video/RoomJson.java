package io.switchboard.simulator.video;

import io.switchboard.simulator.rest.TwilioDates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A room in Twilio Video's JSON shape ({@code video.v1.room}). */
final class RoomJson {

  private RoomJson() {}

  static Map<String, Object> of(SimRoom room, String accountSid) {
    String url = "https://video.twilio.com/v1/Rooms/" + room.sid();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sid", room.sid());
    json.put("status", room.status());
    json.put("date_created", TwilioDates.iso(room.created()));
    json.put("date_updated", TwilioDates.iso(room.updated()));
    json.put("account_sid", accountSid);
    json.put("enable_turn", room.enableTurn());
    json.put("unique_name", room.uniqueName());
    json.put("status_callback", room.statusCallback());
    json.put("status_callback_method", room.statusCallbackMethod());
    json.put("end_time", room.endTime() == null ? null : TwilioDates.iso(room.endTime()));
    json.put("duration", room.duration());
    json.put("type", room.type());
    json.put("max_participants", room.maxParticipants());
    json.put("max_participant_duration", room.maxParticipantDuration());
    json.put("max_concurrent_published_tracks", 170);
    json.put("record_participants_on_connect", room.recordParticipantsOnConnect());
    json.put("video_codecs", room.audioOnly() ? null : List.of("VP8", "H264"));
    json.put("media_region", room.mediaRegion());
    json.put("audio_only", room.audioOnly());
    json.put("empty_room_timeout", room.emptyRoomTimeout());
    json.put("unused_room_timeout", room.unusedRoomTimeout());
    json.put("large_room", false);
    json.put("url", url);
    Map<String, String> links = new LinkedHashMap<>();
    links.put("participants", url + "/Participants");
    links.put("recordings", url + "/Recordings");
    links.put("recording_rules", url + "/RecordingRules");
    links.put("transcriptions", url + "/Transcriptions");
    json.put("links", links);
    return json;
  }
}
