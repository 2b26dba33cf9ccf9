package com.comborec.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ports for the test cluster, as the environment variables scripts/cluster reads. Values set in the
 * environment win; otherwise free loopback ports are picked, so that two builds on one host
 * (parallel CI jobs) do not fight over 7077.
 */
final class ClusterPorts {
  static final List<String> NAMES =
      List.of(
          "COMBOREC_MASTER_PORT",
          "COMBOREC_MASTER_UI_PORT",
          "COMBOREC_WORKER_PORT",
          "COMBOREC_WORKER_UI_PORT");

  private ClusterPorts() {}

  static Map<String, String> fromEnvironmentOrFree() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : NAMES) {
      String set = System.getenv(name);
      out.put(name, set != null && !set.isBlank() ? set : String.valueOf(freePort()));
    }
    return out;
  }

  /**
   * A port nothing listens on right now (the OS picks it; a small race remains, and start then says
   * so).
   */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
