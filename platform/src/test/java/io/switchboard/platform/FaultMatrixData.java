package io.switchboard.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh data folder for a persistent-mode platform test (its state must survive restarts). */
final class FaultMatrixData {

  private FaultMatrixData() {}

  static void clear(String dir) {
    Path path = Path.of(dir);
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new IllegalStateException("could not clear " + dir, e);
    }
  }
}
