package io.switchboard.simulator.inbound;

import io.switchboard.simulator.twiml.MessagingTwiml.Reply;
import io.switchboard.simulator.voice.TranscriptEntry;
import java.util.List;

/**
 * What came of an inbound message.
 *
 * @param messageSid the SID Twilio gave the inbound message
 * @param replies the messages the application's TwiML asked Twilio to send back
 * @param requests each request sent to the application, with its answer
 * @param errorCode Twilio's error when the application failed (11200, 12100, 14106), else null
 */
public record InboundMessageResult(
    String messageSid, List<Reply> replies, List<TranscriptEntry> requests, Integer errorCode) {}
