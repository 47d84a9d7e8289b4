package io.switchboard.simulator.recordings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A real WAV file for a recording's media: 8 kHz, 16-bit, mono PCM (what Twilio's recordings decode
 * to), a quiet 440 Hz tone so that players and transcoders have something to chew on.
 */
final class WavAudio {

  private static final int SAMPLE_RATE = 8000;
  private static final int MAX_SECONDS = 5;

  private WavAudio() {}

  /** At most {@value #MAX_SECONDS} seconds: the simulator keeps media small. */
  static byte[] tone(int seconds) {
    int samples = SAMPLE_RATE * Math.max(1, Math.min(MAX_SECONDS, seconds));
    int dataBytes = samples * 2;
    ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    wav.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + dataBytes);
    wav.put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});
    wav.putInt(16).putShort((short) 1).putShort((short) 1);
    wav.putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
    wav.put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
    for (int i = 0; i < samples; i++) {
      wav.putShort((short) (3000 * Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE)));
    }
    return wav.array();
  }
}
