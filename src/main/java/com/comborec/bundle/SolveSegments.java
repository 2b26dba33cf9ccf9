package com.comborec.bundle;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Solves the assembled problems of one Spark partition with the pure solver and emits one outcome
 * row per segment (its ranked bundles nested, plus call statuses and seconds for the report). The
 * solver loads the OR-Tools natives once per executor JVM.
 */
public final class SolveSegments implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final BundleRules rules;
  private final SolverLimits limits;

  public SolveSegments(BundleRules rules, SolverLimits limits) {
    this.rules = rules;
    this.limits = limits;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> problems) {
    BundleSolver solver = new BundleSolver(rules, limits);
    List<Row> out = new ArrayList<>();
    // Each segment's solve takes at most R time limits; outcomes are tiny, so buffering is fine.
    problems.forEachRemaining(
        row -> {
          BundleProblem problem = BundleProblems.toProblem(row);
          out.add(outcomeRow(problem, solver.solve(problem)));
        });
    return out.iterator();
  }

  static Row outcomeRow(BundleProblem problem, BundleOutcome outcome) {
    Map<String, BundleItem> byId =
        problem.items().stream().collect(Collectors.toMap(BundleItem::itemId, Function.identity()));
    List<Row> bundles = new ArrayList<>();
    for (BundleSolution b : outcome.bundles()) {
      List<Row> items = new ArrayList<>();
      for (String id : b.itemIds()) {
        BundleItem item = byId.get(id);
        items.add(RowFactory.create(item.itemId(), item.title(), item.category(), item.price()));
      }
      bundles.add(
          RowFactory.create(
              bundles.size() + 1,
              b.bundleId(),
              seq(items),
              b.listPrice(),
              b.bundlePrice(),
              b.discountRate(),
              b.expectedMargin(),
              b.affinity(),
              b.objective(),
              b.status().name()));
    }
    return RowFactory.create(
        problem.segmentId(),
        problem.size(),
        problem.budget(),
        outcome.calls().optimal(),
        outcome.calls().feasible(),
        outcome.calls().infeasible(),
        outcome.calls().unknown(),
        outcome.solveSeconds(),
        seq(bundles));
  }

  /** Row encoders take Scala sequences for array columns. */
  private static scala.collection.immutable.Seq<Row> seq(List<Row> rows) {
    return CollectionConverters.asScala(rows).toList();
  }

  private static StructType withoutSegmentId(StructType schema) {
    StructType out = new StructType();
    for (var field : schema.fields()) {
      out = field.name().equals("segment_id") ? out : out.add(field);
    }
    return out;
  }
}
