package com.comborec.ingest;

import com.comborec.contract.InputColumn;
import com.comborec.contract.Source;
import com.comborec.core.ComborecException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One input CSV file with its normalised header, checked against the contract: a file that lacks a
 * required column is refused as a whole (exit 3) with the file and the missing columns named.
 */
public record InputFile(Source source, LocalDate partition, String path, List<String> header) {

  /** Refuses the file unless every required contract column is present exactly once. */
  public InputFile checked(List<InputColumn> contract) {
    List<String> missing = new ArrayList<>();
    for (InputColumn c : contract) {
      if (c.required() && !header.contains(c.name())) {
        missing.add(c.name());
      }
    }
    if (!missing.isEmpty()) {
      throw ComborecException.inputContract(
          "%s: missing required column(s) %s (header has %s)", path, missing, header);
    }
    Set<String> seen = new HashSet<>();
    for (String h : header) {
      if (!h.isEmpty() && !seen.add(h)) {
        throw ComborecException.inputContract(
            "%s: column '%s' appears twice in the header", path, h);
      }
    }
    return this;
  }

  /** Header columns the contract does not know; they are ignored and counted. */
  public List<String> extraColumns(List<InputColumn> contract) {
    List<String> extra = new ArrayList<>();
    for (String h : header) {
      if (contract.stream().noneMatch(c -> c.name().equals(h))) {
        extra.add(h.isEmpty() ? "(empty)" : h);
      }
    }
    return extra;
  }
}
