package com.comborec.bundle;

import static org.apache.spark.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestConfig;
import com.comborec.contract.Schemas;
import com.comborec.store.WorkSchemas;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Solves several segments inside Spark tasks spread over three partitions: the tasks load the
 * OR-Tools natives and give the same bundles as solving the same problems directly.
 */
class BundleSolverSparkTest {
  private static final int SEGMENTS = 6;
  private static final StructType AFFINITY =
      new StructType()
          .add("segment_id", "int")
          .add("item_id", "string")
          .add("other_item_id", "string")
          .add("affinity", "double");
  private static final BundleSettings SETTINGS =
      TestConfig.defaults()
          .with("bundle.min-size=1", "bundle.weights.affinity=0.3", "bundle.weights.margin=0.01")
          .get(BundleSettings.SECTION);

  @Test
  void solvesInTasksOverSeveralPartitionsLikeTheDirectSolver() {
    Random rnd = new Random(4242L);
    List<Object[]> candidates = new ArrayList<>();
    List<Object[]> budgets = new ArrayList<>();
    List<Object[]> pairs = new ArrayList<>();
    for (int segment = 0; segment < SEGMENTS; segment++) {
      addRows(segment, RandomInstances.problem(rnd, segment), candidates, budgets, pairs);
    }
    Dataset<Row> problems =
        BundleProblems.assembleProblems(
            Frames.of(BundleProblemsTest.CANDIDATES, candidates.toArray(Object[][]::new)),
            Frames.of(BundleProblemsTest.BUDGETS, budgets.toArray(Object[][]::new)),
            Frames.of(AFFINITY, pairs.toArray(Object[][]::new)));
    List<Row> solved =
        BundleStage.solveInTasks(problems, SETTINGS, 3)
            .withColumn("partition", spark_partition_id())
            .orderBy("segment_id")
            .collectAsList();
    Set<Integer> partitions = new HashSet<>();
    solved.forEach(r -> partitions.add(r.<Integer>getAs("partition")));
    assertTrue(partitions.size() >= 2, "segments were solved in partitions " + partitions);
    List<Row> direct = problems.orderBy("segment_id").collectAsList();
    assertEquals(SEGMENTS, solved.size(), "outcome rows");
    BundleSolver solver = new BundleSolver(SETTINGS.rules(), SETTINGS.limits());
    for (int k = 0; k < SEGMENTS; k++) {
      BundleProblem problem = BundleProblems.toProblem(direct.get(k));
      assertEquals(
          expectedBundles(solver.solve(problem)),
          actualBundles(solved.get(k)),
          "segment " + k + ": bundle ids and objectives from the task vs direct");
    }
  }

  @Test
  void bundleRowsHaveTheContractSchema() {
    Dataset<Row> outcomes = Frames.of(WorkSchemas.BUNDLE_SOLVES);
    assertEquals(
        Schemas.BUNDLES.fieldNames().length,
        BundleStage.bundleRows(outcomes).schema().size(),
        "columns");
    assertEquals(
        List.of(),
        Schemas.mismatches(Schemas.BUNDLES, BundleStage.bundleRows(outcomes).schema()),
        "mismatches");
    assertEquals(
        List.of(Schemas.BUNDLES.fieldNames()),
        List.of(BundleStage.bundleRows(outcomes).schema().fieldNames()),
        "field order");
  }

  /** The problem as the stage's intermediate rows; demand weight is 1 there, so it is dropped. */
  private static void addRows(
      int segment,
      BundleProblem p,
      List<Object[]> candidates,
      List<Object[]> budgets,
      List<Object[]> pairs) {
    for (int j = 0; j < p.size(); j++) {
      BundleItem i = p.items().get(j);
      candidates.add(
          new Object[] {
            segment,
            j + 1,
            i.itemId(),
            i.title(),
            i.category(),
            i.price(),
            i.cost(),
            i.stock(),
            i.propensity()
          });
      for (int o = 0; o < p.size(); o++) {
        if (p.affinity()[j][o] > 0) {
          pairs.add(
              new Object[] {segment, i.itemId(), p.items().get(o).itemId(), p.affinity()[j][o]});
        }
      }
    }
    budgets.add(new Object[] {segment, p.budget()});
  }

  private static List<String> expectedBundles(BundleOutcome outcome) {
    return outcome.bundles().stream()
        .map(b -> b.bundleId() + String.format(" %.6f", b.objective()))
        .toList();
  }

  private static List<String> actualBundles(Row outcome) {
    return outcome.<Row>getList(outcome.fieldIndex("bundles")).stream()
        .map(
            b ->
                b.<String>getAs("bundle_id") + String.format(" %.6f", b.<Double>getAs("objective")))
        .toList();
  }
}
