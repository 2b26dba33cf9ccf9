package com.comborec.model;

import static com.comborec.features.TestEvents.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.comborec.TestSpark;
import com.comborec.features.TestEvents;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

  @Test
  void splitsAtRunDayMinusHoldout() {
    Dataset<Row> events =
        TestEvents.of(
            TestSpark.session(),
            List.of(
                event("2026-03-01T10:00:00Z", "u1", "A", "purchase", 1), // train, prior
                event(
                    "2026-03-25T10:00:00Z",
                    "u1",
                    "A",
                    "purchase",
                    1), // bought before: not relevant
                event("2026-03-25T11:00:00Z", "u1", "B", "purchase", 1), // relevant
                event("2026-03-26T10:00:00Z", "u1", "C", "view", null), // not a purchase
                event("2026-03-28T10:00:00Z", "u2", "C", "purchase", 1), // u2 has no training event
                event("2026-03-10T10:00:00Z", "u3", "A", "view", null), // train
                event(
                    "2026-03-21T23:00:00Z",
                    "u3",
                    "D",
                    "purchase",
                    1), // the cutoff day is training: prior
                event("2026-03-31T10:00:00Z", "u3", "E", "purchase", 2), // relevant (the run day)
                event("2026-03-25T10:00:00Z", null, "B", "purchase", 1))); // guest
    // run day 03-31, H = 10: cutoff 03-21, test days 03-22 .. 03-31
    HoldoutSplit split = HoldoutSplit.split(events, LocalDate.parse("2026-03-31"), 10);
    assertEquals(LocalDate.parse("2026-03-21"), split.cutoff(), "cutoff");
    assertEquals(3, split.trainEvents().count(), "training events (03-01, 03-10, 03-21)");
    Set<String> prior = new TreeSet<>();
    split.prior().collectAsList().forEach(r -> prior.add(r.getString(0) + "/" + r.getString(1)));
    assertEquals(Set.of("u1/A", "u3/D"), prior, "prior purchases");
    Map<String, List<String>> relevant = new TreeMap<>();
    split.relevant().collectAsList().forEach(r -> relevant.put(r.getString(0), r.getList(1)));
    assertEquals(Map.of("u1", List.of("B"), "u3", List.of("E")), relevant, "relevant per user");
    assertEquals(2, split.users().count(), "evaluated users");
  }
}
