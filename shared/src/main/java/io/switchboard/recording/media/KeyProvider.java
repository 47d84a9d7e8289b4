package io.switchboard.recording.media;

/**
 * Wraps and unwraps recording data keys under a master key. The local implementation holds the
 * master keys itself; a KMS implementation would send the data key to the KMS instead, and nothing
 * else would change, since only wrapped keys and key ids are ever stored.
 */
public interface KeyProvider {

  /** The id of the master key that wraps new data keys. */
  String currentKeyId();

  /**
   * Wraps a data key under the current master key.
   *
   * @param context bound to the wrapped key (the recording id), so that it unwraps only there
   */
  byte[] wrap(byte[] dataKey, byte[] context);

  /**
   * Unwraps a data key wrapped under the named master key.
   *
   * @throws MediaIntegrityException when the key is unknown or the wrapped key was altered
   */
  byte[] unwrap(String keyId, byte[] wrapped, byte[] context);
}
