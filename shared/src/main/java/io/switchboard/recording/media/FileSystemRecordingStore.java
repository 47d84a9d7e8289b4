package io.switchboard.recording.media;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Recordings as files under one folder (by default {@code recordings} in the data folder). Each
 * object is written to a temporary file and moved into place, so that a crash mid-download never
 * leaves a half file under the real name.
 */
public final class FileSystemRecordingStore implements RecordingStore {

  private final Path root;

  public FileSystemRecordingStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String ref, Writer writer) throws IOException {
    Path target = resolve(ref);
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
        writer.write(out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public InputStream open(String ref) throws IOException {
    return Files.newInputStream(resolve(ref));
  }

  @Override
  public boolean exists(String ref) {
    return Files.exists(resolve(ref));
  }

  @Override
  public boolean delete(String ref) throws IOException {
    return Files.deleteIfExists(resolve(ref));
  }

  /** Refs are our own names ({@code RE….sbr}); anything that would leave the folder is refused. */
  private Path resolve(String ref) {
    if (ref == null || !ref.matches("[A-Za-z0-9._-]{1,200}") || ref.startsWith(".")) {
      throw new IllegalArgumentException("not a recording storage reference");
    }
    return root.resolve(ref);
  }
}
