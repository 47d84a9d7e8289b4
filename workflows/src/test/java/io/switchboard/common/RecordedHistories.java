package io.switchboard.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a recorded history for the replay tests, never over an existing one: a recorded history is
 * the workflow code of its day, and recording it again with today's code would silently drop that
 * version's replay coverage. A new workflow version gets a new file name.
 */
public final class RecordedHistories {

  private RecordedHistories() {}

  /** Writes the history unless the file exists; true when written. */
  public static boolean writeNew(Path file, String json) {
    if (Files.exists(file)) {
      return false;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, json);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
