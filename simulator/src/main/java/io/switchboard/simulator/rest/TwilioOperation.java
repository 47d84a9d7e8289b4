package io.switchboard.simulator.rest;

import java.util.Set;

/**
 * Every Twilio operation the simulator serves, with the path Twilio's OpenAPI document gives it and
 * the request parameters the simulator reads. A test checks each parameter against Twilio's
 * published document, so the simulator cannot come to accept what Twilio does not.
 */
public enum TwilioOperation {
  CREATE_MESSAGE(
      Api.V2010,
      "POST",
      "/2010-04-01/Accounts/{AccountSid}/Messages.json",
      "To",
      "From",
      "MessagingServiceSid",
      "Body",
      "MediaUrl",
      "ContentSid",
      "ContentVariables",
      "StatusCallback",
      "ScheduleType",
      "SendAt",
      "ValidityPeriod"),
  LIST_MESSAGES(
      Api.V2010,
      "GET",
      "/2010-04-01/Accounts/{AccountSid}/Messages.json",
      "To",
      "From",
      "PageSize",
      "Page",
      "PageToken"),
  FETCH_MESSAGE(Api.V2010, "GET", "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"),
  UPDATE_MESSAGE(
      Api.V2010, "POST", "/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json", "Status", "Body"),
  CREATE_CALL(
      Api.V2010,
      "POST",
      "/2010-04-01/Accounts/{AccountSid}/Calls.json",
      "To",
      "From",
      "Url",
      "Method",
      "Twiml",
      "FallbackUrl",
      "FallbackMethod",
      "StatusCallback",
      "StatusCallbackEvent",
      "StatusCallbackMethod",
      "MachineDetection",
      "Timeout",
      "Record",
      "RecordingStatusCallback",
      "RecordingStatusCallbackMethod",
      "RecordingStatusCallbackEvent"),
  LIST_CALLS(
      Api.V2010,
      "GET",
      "/2010-04-01/Accounts/{AccountSid}/Calls.json",
      "To",
      "From",
      "Status",
      "PageSize",
      "Page",
      "PageToken"),
  FETCH_CALL(Api.V2010, "GET", "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json"),
  UPDATE_CALL(
      Api.V2010,
      "POST",
      "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json",
      "Url",
      "Method",
      "Twiml",
      "Status",
      "FallbackUrl",
      "FallbackMethod",
      "StatusCallback",
      "StatusCallbackMethod"),
  CREATE_CALL_RECORDING(
      Api.V2010,
      "POST",
      "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json",
      "RecordingStatusCallback",
      "RecordingStatusCallbackMethod",
      "RecordingStatusCallbackEvent",
      "RecordingChannels",
      "RecordingTrack",
      "Trim"),
  LIST_CALL_RECORDINGS(
      Api.V2010,
      "GET",
      "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json",
      "PageSize",
      "Page",
      "PageToken"),
  FETCH_CALL_RECORDING(
      Api.V2010, "GET", "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json"),
  UPDATE_CALL_RECORDING(
      Api.V2010,
      "POST",
      "/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json",
      "Status",
      "PauseBehavior"),
  FETCH_RECORDING(
      Api.V2010,
      "GET",
      "/2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.json",
      "IncludeSoftDeleted"),
  DELETE_RECORDING(Api.V2010, "DELETE", "/2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.json"),
  FETCH_MEDIA(
      Api.V2010, "GET", "/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{Sid}.json"),
  DELETE_MEDIA(
      Api.V2010,
      "DELETE",
      "/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{Sid}.json"),
  LIST_MEDIA(
      Api.V2010,
      "GET",
      "/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media.json",
      "PageSize",
      "Page",
      "PageToken"),
  FETCH_BALANCE(Api.V2010, "GET", "/2010-04-01/Accounts/{AccountSid}/Balance.json"),
  FETCH_TRANSCRIPTION(
      Api.V2010, "GET", "/2010-04-01/Accounts/{AccountSid}/Transcriptions/{Sid}.json"),
  CREATE_ROOM(
      Api.VIDEO,
      "POST",
      "/v1/Rooms",
      "UniqueName",
      "Type",
      "StatusCallback",
      "StatusCallbackMethod",
      "MaxParticipants",
      "RecordParticipantsOnConnect",
      "AudioOnly",
      "EmptyRoomTimeout",
      "UnusedRoomTimeout",
      "EnableTurn",
      "MediaRegion",
      "MaxParticipantDuration"),
  FETCH_ROOM(Api.VIDEO, "GET", "/v1/Rooms/{Sid}"),
  UPDATE_ROOM(Api.VIDEO, "POST", "/v1/Rooms/{Sid}", "Status");

  /** Which of Twilio's OpenAPI documents describes the operation. */
  public enum Api {
    V2010("twilio_api_v2010.json"),
    VIDEO("twilio_video_v1.json");

    private final String document;

    Api(String document) {
      this.document = document;
    }

    public String document() {
      return document;
    }
  }

  private final Api api;
  private final String method;
  private final String path;
  private final Set<String> parameters;

  TwilioOperation(Api api, String method, String path, String... parameters) {
    this.api = api;
    this.method = method;
    this.path = path;
    this.parameters = Set.of(parameters);
  }

  public Api api() {
    return api;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public Set<String> parameters() {
    return parameters;
  }
}
