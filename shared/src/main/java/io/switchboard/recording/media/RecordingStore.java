package io.switchboard.recording.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where encrypted recordings live. It only ever sees ciphertext. The local filesystem is the
 * default; an object store would implement the same four operations.
 */
public interface RecordingStore {

  /** Writes an object; it becomes visible whole or not at all. Writing it again replaces it. */
  void put(String ref, Writer writer) throws IOException;

  /** Reads an object. */
  InputStream open(String ref) throws IOException;

  boolean exists(String ref) throws IOException;

  /** Deletes an object; true if it was there. */
  boolean delete(String ref) throws IOException;

  /** Writes an object's bytes to the stream it is given. */
  @FunctionalInterface
  interface Writer {
    void write(OutputStream out) throws IOException;
  }
}
