package com.comborec.core;

import java.time.Duration;

/**
 * The output root's run lock ({@code comborec.lock}): whether commands that write take it, and how
 * long a holder that stopped renewing it is still believed alive.
 */
public record LockSettings(boolean enabled, Duration lease) {
  /** The {@code comborec.lock} section. */
  public static final SettingsSection<LockSettings> SECTION =
      SettingsSection.of("lock", LockSettings::from);

  static LockSettings from(Settings s) {
    return new LockSettings(s.bool("enabled"), s.durationAtLeast("lease", Duration.ofSeconds(5)));
  }

  /** How often a holder renews its lock: a quarter of the lease, between 1 s and 1 min. */
  public Duration heartbeat() {
    long ms = Math.max(1000, Math.min(60_000, lease.toMillis() / 4));
    return Duration.ofMillis(ms);
  }
}
