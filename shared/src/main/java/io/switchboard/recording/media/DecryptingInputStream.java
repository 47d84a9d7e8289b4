package io.switchboard.recording.media;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Reads {@link MediaCipher}'s layout, releasing each segment only once its tag has checked. */
final class DecryptingInputStream extends InputStream {

  /** A sealed segment is at most a plaintext segment and its tag; more is not ours. */
  private static final int MAX_SEALED = MediaCipher.SEGMENT + MediaCipher.TAG_BITS / 8;

  private final DataInputStream in;
  private final String keyId;
  private final SecretKey key;
  private final byte[] header;
  private final byte[] prefix;
  private byte[] segment = new byte[0];
  private int position;
  private int index;
  private boolean last;

  DecryptingInputStream(InputStream sealed, String recordingId, KeyProvider keys)
      throws IOException {
    this(EnvelopeHeader.read(new DataInputStream(sealed)), sealed, recordingId, keys);
  }

  /** Continues after a header already read from {@code rest}. */
  DecryptingInputStream(
      EnvelopeHeader envelope, InputStream rest, String recordingId, KeyProvider keys) {
    this.in = rest instanceof DataInputStream data ? data : new DataInputStream(rest);
    keyId = envelope.keyId();
    prefix = envelope.prefix();
    header = envelope.segmentAad();
    byte[] dataKey = keys.unwrap(keyId, envelope.wrapped(), MediaCipher.context(recordingId));
    key = new SecretKeySpec(dataKey, "AES");
  }

  String keyId() {
    return keyId;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    while (position == segment.length) {
      if (last) {
        return -1;
      }
      nextSegment();
    }
    int n = Math.min(length, segment.length - position);
    System.arraycopy(segment, position, buffer, offset, n);
    position += n;
    return n;
  }

  /**
   * Opens the next segment. Whether it is the last is not written anywhere but in its nonce: it is
   * tried as a middle segment, then as the last, and only the right guess authenticates.
   */
  private void nextSegment() throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException e) {
      throw new MediaIntegrityException(
          "recording media is truncated: its last segment is missing");
    }
    if (length < MediaCipher.TAG_BITS / 8 || length > MAX_SEALED) {
      throw new MediaIntegrityException("recording media is corrupt: bad segment length");
    }
    byte[] sealed = in.readNBytes(length);
    if (sealed.length != length) {
      throw new MediaIntegrityException("recording media is truncated inside a segment");
    }
    boolean full = length == MAX_SEALED;
    try {
      segment = open(sealed, !full);
      last = !full;
    } catch (MediaIntegrityException e) {
      if (!full) {
        throw e;
      }
      segment = open(sealed, true);
      last = true;
    }
    position = 0;
    index++;
    if (last && in.read() != -1) {
      throw new MediaIntegrityException("recording media has data after its last segment");
    }
  }

  private byte[] open(byte[] sealed, boolean lastSegment) {
    return MediaCipher.seal(key, Cipher.DECRYPT_MODE, prefix, index, lastSegment, header, sealed);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
