package com.comborec.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole ingest on fuzzed files (the splitter alone is fuzzed 3,000 times in {@code
 * CsvFuzzTest}): {@value #FILES} seeded mutations of data-samples' 2011-07-31 events file (a quote,
 * comma, line break or invalid bytes inserted, a byte deleted, the file truncated), each as one
 * more file of that day, ingested in one run. The run exits 0 without a stack trace, reads
 * reconcile (read = accepted + rejected, every physical line accounted for), and each mutation
 * costs at most two of the file's rows.
 */
class IngestFuzzTest {
  static final String DAY = "2011-07-31";
  static final int FILES = 60;
  static final long SEED = 17L;

  /** A clean run of data-samples accepts 709 of the day's 714 events (5 unknown items). */
  static final int CLEAN_ACCEPTED = 709;

  @TempDir static Path tmp;
  static int exit;
  static String out;
  static Map<String, Object> day;
  static long fileLines;

  @BeforeAll
  static void ingestTheFuzzedDay() throws IOException {
    Path input = tmp.resolve("in");
    Path output = tmp.resolve("out");
    BadInputBytesTest.copy(TestSpark.projectDir().resolve("data-samples"), input);
    Path dir = input.resolve("events/dt=" + DAY);
    byte[] clean = Files.readAllBytes(dir.resolve("events.csv"));
    Random rnd = new Random(SEED);
    for (int i = 0; i < FILES; i++) {
      byte[] mutated = mutate(clean, rnd);
      Files.write(dir.resolve(String.format("fuzz-%03d.csv", i)), mutated);
      fileLines += lines(mutated);
    }
    fileLines += lines(clean);
    StringWriter err = new StringWriter();
    // 61 copies of one day are far above its usual volume: that gate is not under test
    exit = BadInputBytesTest.ingest(input, output, err, "gates.volume.enabled=false");
    out = err.toString();
    Map<String, Object> manifest =
        Json.readMap(Files.readString(output.resolve("_manifests/dt=" + DAY + ".json")));
    day = BadInputBytesTest.dayOf(manifest, DAY);
  }

  @Test
  void theRunEndsWithAContractExitCodeAndNoStackTrace() {
    assertEquals(0, exit, out);
    assertFalse(out.contains("\tat "), "no stack trace: " + out);
  }

  @Test
  void readsReconcileAndEachMutationCostsAtMostTwoRows() {
    long read = ((Number) day.get("read")).longValue();
    long accepted = ((Number) day.get("accepted")).longValue();
    long rejected = ((Number) day.get("rejected")).longValue();
    assertEquals(read, accepted + rejected, "read = accepted + rejected: " + day);
    assertTrue(
        accepted >= (long) CLEAN_ACCEPTED * (FILES + 1) - 2L * FILES,
        "at most two rows lost per mutated file: " + day);
    assertTrue(
        read <= fileLines - (FILES + 1), "a record per line at most, headers excluded: " + day);
  }

  /** One random mutation of {@code b}, never touching the header line. */
  static byte[] mutate(byte[] b, Random rnd) {
    int headerEnd = indexOf(b, (byte) '\n') + 1;
    int at = headerEnd + rnd.nextInt(b.length - headerEnd);
    return switch (rnd.nextInt(6)) {
      case 0 -> insert(b, at, new byte[] {'"'});
      case 1 -> insert(b, at, new byte[] {','});
      case 2 -> insert(b, at, new byte[] {'\n'});
      case 3 -> insert(b, at, new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xC3, (byte) 0x28});
      case 4 -> delete(b, at);
      default -> Arrays.copyOf(b, b.length - 1 - rnd.nextInt(40)); // cut inside the last record
    };
  }

  static byte[] insert(byte[] b, int at, byte[] ins) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(b, 0, at);
    o.writeBytes(ins);
    o.write(b, at, b.length - at);
    return o.toByteArray();
  }

  static byte[] delete(byte[] b, int at) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    o.write(b, 0, at);
    o.write(b, at + 1, b.length - at - 1);
    return o.toByteArray();
  }

  static int indexOf(byte[] b, byte x) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  /** Physical lines: line breaks, plus a last line without one. */
  static long lines(byte[] b) {
    long n = 0;
    for (byte x : b) {
      n += x == '\n' ? 1 : 0;
    }
    return b.length > 0 && b[b.length - 1] != '\n' ? n + 1 : n;
  }
}
