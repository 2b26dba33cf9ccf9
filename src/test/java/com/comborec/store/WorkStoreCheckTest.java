package com.comborec.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The up-front schema check of work datasets: a mismatch fails naming the dataset and columns. */
class WorkStoreCheckTest {

  @Test
  void theDeclaredSchemaPasses() {
    assertDoesNotThrow(
        () -> WorkStore.check(WorkDataset.INTERACTIONS, WorkSchemas.INTERACTIONS, "read"));
  }

  /** strength written as a string, item_id missing: both named, with the dataset's folder. */
  @Test
  void aMismatchNamesTheDatasetAndEveryColumn() {
    StructType drifted =
        new StructType().add("user_id", DataTypes.StringType).add("strength", DataTypes.StringType);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> WorkStore.check(WorkDataset.INTERACTIONS, drifted, "read"));
    assertEquals(
        "work dataset interactions as read does not match its declaration in WorkSchemas:"
            + " [item_id (missing), strength (expected double, got string)]",
        e.getMessage());
  }
}
