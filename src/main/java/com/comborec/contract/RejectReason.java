package com.comborec.contract;

import java.util.Locale;

/** The reject reason codes written to {@code rejects.reason}. */
public enum RejectReason {
  /** A record's bytes are not valid UTF-8 (comborec's own code; the line shows them escaped). */
  BAD_ENCODING,
  MALFORMED_ROW,
  MISSING_REQUIRED,
  BAD_TIMESTAMP,
  BAD_NUMBER,
  BAD_BOOLEAN,
  OUT_OF_RANGE,
  UNKNOWN_EVENT_TYPE,
  UNKNOWN_ITEM,
  DUPLICATE_KEY,
  FUTURE_EVENT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
