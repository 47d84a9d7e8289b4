package io.switchboard.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The payload encryption key of the embedded platform when none is configured: generated once and
 * kept in the data folder beside Temporal's own database, so that histories written before a
 * restart stay readable after it. Whoever can read the data folder can read both anyway.
 */
final class EmbeddedPayloadKey {

  static final String FILE_NAME = "payload-keys";

  /** The recording master keys: separate from the payload keys, generated the same way. */
  static final String RECORDING_FILE_NAME = "recording-keys";

  /**
   * The key of phone-number fingerprints, in the same {@code id:base64key} form; only the key is
   * used.
   */
  static final String FINGERPRINT_FILE_NAME = "number-fingerprint-key";

  private EmbeddedPayloadKey() {}

  /** The keys as {@code id:base64key}, read from the folder or generated into it. */
  static String loadOrCreate(Path dataDir) {
    return loadOrCreate(dataDir, FILE_NAME, "local1");
  }

  /** Keys of one kind as {@code id:base64key}, read from their file or generated into it. */
  static String loadOrCreate(Path dataDir, String fileName, String keyId) {
    Path file = dataDir.resolve(fileName);
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.createDirectories(dataDir);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      String keys = keyId + ":" + Base64.getEncoder().encodeToString(key);
      Files.writeString(file, keys + "\n", StandardCharsets.UTF_8);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read or create " + file, e);
    }
  }
}
