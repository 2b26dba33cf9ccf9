package com.comborec.privacy;

import com.comborec.core.RunContext;
import com.comborec.core.StageResult;

/**
 * The manifest's {@code privacy} section, filled at publish time: whether user ids were
 * pseudonymised and with which key (its id, never the key), and what retention expired.
 */
public record PrivacyResult(PrivacyResult.Privacy privacy) implements StageResult {

  /** {@code keyId} is null when pseudonymisation is off. */
  public record Privacy(boolean pseudonymize, String keyId, Retention retention) {}

  /** {@code days} 0 means keep everything. */
  public record Retention(int days, int expiredPartitions) {}

  public static PrivacyResult of(RunContext ctx, int expiredPartitions) {
    PrivacySettings p = ctx.config().get(PrivacySettings.SECTION);
    String keyId = p.pseudonymize() ? PseudonymKeys.pseudonymizer(p).keyId() : null;
    return new PrivacyResult(
        new Privacy(p.pseudonymize(), keyId, new Retention(p.retentionDays(), expiredPartitions)));
  }
}
