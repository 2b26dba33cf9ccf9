package com.comborec.cli;

import com.comborec.core.ComborecException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Parses run days given on the command line, as exit-2 usage errors when malformed. */
final class DateOption {
  private DateOption() {}

  static LocalDate parse(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ComborecException.usage("%s expects a day as YYYY-MM-DD, got '%s'", option, value);
    }
  }
}
