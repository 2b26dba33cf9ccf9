package com.comborec.bundle;

import com.google.ortools.Loader;

/**
 * Loads the OR-Tools native library once per JVM. The holder class is initialised at most once (the
 * JVM guarantees it, thread-safely), so every Spark task on an executor may call {@link
 * #ensureLoaded()} and only the first one pays for the extraction.
 */
public final class OrToolsNative {
  private OrToolsNative() {}

  public static void ensureLoaded() {
    if (!Holder.LOADED) {
      throw new IllegalStateException("OR-Tools native library did not load");
    }
  }

  private static final class Holder {
    static final boolean LOADED = load();

    private static boolean load() {
      Loader.loadNativeLibraries();
      return true;
    }
  }
}
