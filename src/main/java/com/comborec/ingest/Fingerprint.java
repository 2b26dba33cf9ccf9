package com.comborec.ingest;

import com.comborec.core.Fs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * A fingerprint of a partition's input files (names, sizes, modification times). A snapshot that
 * was validated before is re-validated only when its fingerprint changes, so a nightly run does not
 * re-read an unchanged catalog, and re-running a day never rewrites an older day's rejects.
 */
final class Fingerprint {
  private Fingerprint() {}

  static String of(Fs fs, List<String> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String f : files.stream().sorted().toList()) {
        FileStatus s = fs.fs(f).getFileStatus(new Path(f));
        sha.update(
            (f + "|" + s.getLen() + "|" + s.getModificationTime() + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | java.io.IOException e) {
      throw new IllegalStateException("cannot fingerprint " + files, e);
    }
  }
}
