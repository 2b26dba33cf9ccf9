package com.comborec.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which tasks the fault plugin targets; the failure itself is exercised by ClusterIT's client-mode
 * run on a real Worker.
 */
class TaskFaultsTest {
  @Test
  void targetsTasksOfJobsDescribedByANamedStage() {
    Set<String> stages = TaskFaults.parse(" ingest, combos ,");
    assertEquals(Set.of("ingest", "combos"), stages);
    assertTrue(TaskFaults.targets(stages, "ingest: write validated products"), "a step of ingest");
    assertTrue(
        TaskFaults.targets(stages, "combos: write pair_stats/dt=2011-07-31"), "a step of combos");
    assertFalse(TaskFaults.targets(stages, "model: fit ALS"), "another stage");
    assertFalse(
        TaskFaults.targets(stages, "comborec 2011-07-31"),
        "the job group's description, outside any step");
    assertFalse(TaskFaults.targets(stages, null), "no description");
    assertFalse(
        TaskFaults.targets(TaskFaults.parse(""), "ingest: write validated products"),
        "nothing enabled");
  }

  @Test
  void sparkConfEnablesThePluginForTheStages() {
    assertEquals(
        Map.of(
            "spark.plugins",
            "com.comborec.it.TaskFaults",
            "spark.comborec.faults.failFirstTaskAttempt",
            "ingest,combos"),
        TaskFaults.sparkConf("ingest", "combos"));
  }
}
