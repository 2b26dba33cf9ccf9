package com.comborec.privacy;

import com.comborec.core.Settings;
import com.comborec.core.SettingsSection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Privacy options ({@code comborec.privacy}): keyed pseudonymisation of user ids in published
 * tables, and how long validated inputs are kept in the work store.
 *
 * <p>The key itself never lives in the configuration: only the NAME of an environment variable or
 * the PATH of a file holding it. A value that looks like key material where a name is expected is
 * refused (exit 2), and the error message never repeats it.
 *
 * @param pseudonymize replace user_id in every published table by HMAC-SHA256(key, user_id)
 * @param keyEnv name of the environment variable holding the key (used when keyFile is empty)
 * @param keyFile path of a local file holding the key; empty = use keyEnv
 * @param retentionDays validated partitions older than this many days are expired; 0 = keep all
 */
public record PrivacySettings(
    boolean pseudonymize, String keyEnv, String keyFile, int retentionDays) {
  /** The {@code comborec.privacy} section. */
  public static final SettingsSection<PrivacySettings> SECTION =
      new SettingsSection<>("privacy", (s, root) -> from(s, root.lookbackDays()));

  /** Environment variable names as operators write them: upper case, digits and underscores. */
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,127}");

  /** A long run of hex digits is far more likely a pasted key than a variable name. */
  private static final Pattern HEX_RUN = Pattern.compile("[0-9A-F]{9,}");

  private static final List<String> LITERAL_KEY_NAMES =
      List.of("key", "secret", "pseudonym-key", "hmac-key");

  public static PrivacySettings off() {
    return new PrivacySettings(false, "COMBOREC_PSEUDONYM_KEY", "", 0);
  }

  /**
   * Reads and validates the section; when pseudonymisation is on, also checks that the key can be
   * read now, so a missing secret fails before Spark starts rather than at the publish step.
   */
  public static PrivacySettings from(Settings s, int lookbackDays) {
    refuseLiteralKeys(s);
    PrivacySettings p =
        new PrivacySettings(
            s.bool("pseudonymize"),
            keyEnv(s),
            s.string("key-file").trim(),
            s.intAtLeast("retention-days", 0));
    s.check(
        p.retentionDays == 0 || p.retentionDays >= lookbackDays,
        "retention-days",
        "must be 0 (keep everything) or at least comborec.lookback-days (%d), got %d: a shorter"
            + " retention would delete events that every run still reads",
        lookbackDays,
        p.retentionDays);
    if (p.pseudonymize) {
      PseudonymKeys.load(p, System::getenv);
    }
    return p;
  }

  /**
   * Names an operator might use to paste the key into the config; load() refuses them as unknown
   * too.
   */
  private static void refuseLiteralKeys(Settings s) {
    for (String name : LITERAL_KEY_NAMES) {
      s.check(
          !s.has(name),
          name,
          "the pseudonymisation key never goes into the configuration: put it in the "
              + "environment variable named by key-env, or in the file named by key-file");
    }
  }

  private static String keyEnv(Settings s) {
    String name = s.string("key-env").trim();
    s.check(
        ENV_NAME.matcher(name).matches() && !HEX_RUN.matcher(name).find(),
        "key-env",
        "must be the NAME of an environment variable (upper case, e.g. COMBOREC_PSEUDONYM_KEY),"
            + " never the key itself; the value given is not one (not shown here, in case it is a"
            + " key)");
    return name;
  }

  public boolean retentionOn() {
    return retentionDays > 0;
  }
}
