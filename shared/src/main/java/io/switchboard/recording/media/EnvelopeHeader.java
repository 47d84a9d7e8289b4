package io.switchboard.recording.media;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The header of sealed media: format, master key id, wrapped data key and nonce prefix.
 *
 * <p>Two formats. {@code SBR1} made the whole header the associated data of every segment, so a
 * re-wrapped data key meant re-encrypting the media. {@code SBR2} (what is written now) binds only
 * the format and the nonce prefix to the segments: the wrapped key is authenticated on its own (GCM
 * under the master key, with key id and recording id as associated data), so rotating the master
 * key rewrites the header and copies the sealed segments unchanged.
 */
record EnvelopeHeader(byte[] magic, String keyId, byte[] wrapped, byte[] prefix) {

  static final byte[] SBR1 = "SBR1".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SBR2 = "SBR2".getBytes(StandardCharsets.US_ASCII);

  static EnvelopeHeader read(DataInputStream in) throws IOException {
    try {
      byte[] magic = in.readNBytes(SBR2.length);
      if (!Arrays.equals(magic, SBR1) && !Arrays.equals(magic, SBR2)) {
        throw new MediaIntegrityException("not Switchboard recording media (bad header)");
      }
      String keyId = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
      byte[] wrapped = in.readNBytes(in.readUnsignedShort());
      byte[] prefix = in.readNBytes(MediaCipher.PREFIX);
      if (prefix.length != MediaCipher.PREFIX) {
        throw new MediaIntegrityException("recording media header is truncated");
      }
      return new EnvelopeHeader(magic, keyId, wrapped, prefix);
    } catch (EOFException e) {
      throw new MediaIntegrityException("recording media header is truncated", e);
    }
  }

  boolean legacy() {
    return Arrays.equals(magic, SBR1);
  }

  /** The same data key wrapped anew, under another master key. */
  EnvelopeHeader rewrapped(String newKeyId, byte[] newWrapped) {
    return new EnvelopeHeader(SBR2, newKeyId, newWrapped, prefix);
  }

  byte[] bytes() {
    byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(magic.length + 1 + id.length + 2 + wrapped.length + prefix.length)
        .put(magic)
        .put((byte) id.length)
        .put(id)
        .putShort((short) wrapped.length)
        .put(wrapped)
        .put(prefix)
        .array();
  }

  /** What every segment authenticates besides its own bytes. */
  byte[] segmentAad() {
    if (legacy()) {
      return bytes();
    }
    return ByteBuffer.allocate(magic.length + prefix.length).put(magic).put(prefix).array();
  }
}
