package io.switchboard.recording.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Media at rest, sealed: downloaded media streamed through the {@link MediaCipher} into the {@link
 * RecordingStore} and read back before it counts as stored; and the way back, authenticated before
 * any of it is served. Recordings and inbound message media share it, each with its own references
 * and associated data (the context a copy opens under).
 */
public final class SealedMedia {

  private final RecordingStore store;
  private final MediaCipher cipher;

  public SealedMedia(RecordingStore store, MediaCipher cipher) {
    this.store = store;
    this.cipher = cipher;
  }

  /** Where plaintext comes from; opened inside the store's write, so never whole in memory. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /**
   * Seals the source into the store under a new data key, then decrypts the stored copy to its end
   * and compares it with what was written.
   *
   * @throws MediaIntegrityException when the stored copy is not what was downloaded; the copy is
   *     deleted first
   */
  public MediaCipher.Sealed store(String ref, String context, Source source) throws IOException {
    MediaCipher.Sealed[] written = new MediaCipher.Sealed[1];
    store.put(
        ref,
        out -> {
          try (InputStream in = source.open()) {
            written[0] = cipher.encrypt(in, out, context);
          }
        });
    try (InputStream in = store.open(ref)) {
      MediaCipher.Sealed read = cipher.verify(in, context);
      if (read.sizeBytes() != written[0].sizeBytes()
          || !read.sha256().equals(written[0].sha256())) {
        throw new MediaIntegrityException("the stored copy differs from the download");
      }
    } catch (MediaIntegrityException e) {
      store.delete(ref);
      throw e;
    }
    return written[0];
  }

  /**
   * Authenticates the whole stored copy and checks it against the digest taken when it was stored,
   * so that tampering is found before the first byte is served rather than mid-download.
   *
   * @throws MediaIntegrityException when it fails
   */
  public void verify(String ref, String context, String sha256) throws IOException {
    try (InputStream in = store.open(ref)) {
      MediaCipher.Sealed sealed = cipher.verify(in, context);
      if (!sealed.sha256().equals(sha256)) {
        throw new MediaIntegrityException("its digest differs from the one taken at download");
      }
    }
  }

  /** Writes the plaintext of a stored copy, decrypted segment by segment. */
  public void stream(String ref, String context, OutputStream out) throws IOException {
    try (InputStream sealed = store.open(ref);
        InputStream plain = cipher.decrypt(sealed, context)) {
      plain.transferTo(out);
    }
  }

  public boolean exists(String ref) throws IOException {
    return store.exists(ref);
  }

  public boolean delete(String ref) throws IOException {
    return store.delete(ref);
  }
}
