package com.comborec.bench;

import com.comborec.core.Json;
import dev.ludovic.netlib.blas.BLAS;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** What every benchmark main records besides its timings, and the JSON file it writes. */
public final class BenchOut {
  private BenchOut() {}

  /** The BLAS netlib actually loaded (JNIBLAS means a native library), cores and heap. */
  public static Map<String, Object> environment(SparkSession spark) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("blas", BLAS.getInstance().getClass().getSimpleName());
    env.put("blas_native_library", nativeBlas());
    env.put("spark_master", spark.sparkContext().master());
    env.put("default_parallelism", spark.sparkContext().defaultParallelism());
    env.put("available_processors", Runtime.getRuntime().availableProcessors());
    env.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    env.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    env.put("spark", spark.version());
    env.put(
        "load_average_at_start",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return env;
  }

  public static void write(String path, Map<String, Object> result) {
    try {
      Path p = Path.of(path);
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
      Files.writeString(p, Json.write(result) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** The native BLAS files mapped into this process, from /proc/self/maps (Linux), or "none". */
  public static String nativeBlas() {
    try {
      return Files.readAllLines(Path.of("/proc/self/maps")).stream()
          .map(l -> l.substring(l.lastIndexOf(' ') + 1))
          .filter(
              f -> {
                String name = f.substring(f.lastIndexOf('/') + 1);
                return name.contains("blas") && !name.contains("netlibblasjni");
              })
          .distinct()
          .reduce((a, b) -> a + "," + b)
          .orElse("none");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
