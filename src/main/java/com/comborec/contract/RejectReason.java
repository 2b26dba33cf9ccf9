package com.comborec.contract;

import java.util.Locale;

/** The reject reason codes written to {@code rejects.reason}. */
public enum RejectReason {
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
