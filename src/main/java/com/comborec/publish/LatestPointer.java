package com.comborec.publish;

import com.comborec.core.RunContext;
import java.time.LocalDate;

/**
 * The {@code LATEST} file: one line naming the newest run day whose outputs are all complete.
 * Re-running an older day never moves it backwards.
 */
public final class LatestPointer {
  private LatestPointer() {}

  public static LocalDate read(RunContext ctx) {
    String path = ctx.layout().latest();
    if (!ctx.fs().exists(path)) {
      return null;
    }
    String text = ctx.fs().readString(path).trim();
    return text.isEmpty() ? null : LocalDate.parse(text);
  }

  public static void advance(RunContext ctx) {
    LocalDate current = read(ctx);
    if (current == null || !current.isAfter(ctx.runDate())) {
      ctx.fs().writeStringAtomically(ctx.layout().latest(), ctx.runDate() + "\n");
    }
  }
}
