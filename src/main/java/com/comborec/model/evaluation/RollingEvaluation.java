package com.comborec.model.evaluation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import com.comborec.core.StepTimer;
import com.comborec.model.ranker.Ranker;
import com.comborec.model.ranker.RankerFeatures;
import com.comborec.model.selection.ServingRule;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolling-origin evaluation over a span of validated events. Each cutoff's work (split, lists,
 * metrics, labelled ranker rows) and each ranker are computed once and shared: the nightly asks for
 * its recent cutoffs, the backtest for many days whose cutoffs overlap. The nightly also passes an
 * {@link EarlierWork}, so that inner cutoffs, ranker rows and rankers measured, labelled or fitted
 * by earlier runs are read rather than computed again.
 */
public final class RollingEvaluation implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RollingEvaluation.class);

  private final Dataset<Row> events;
  private final Protocol protocol;
  private final Snapshots snapshots;
  private final LocalDate firstDay;
  private final LocalDate lastDay;
  private final Map<LocalDate, CutoffWork> works = new HashMap<>();
  private final Map<LocalDate, Optional<Ranker.Fitted>> rankers = new HashMap<>();
  private final EarlierWork stored;

  /**
   * @param events validated events (with {@code dt}) of every day any cutoff may read
   * @param lastDay the last day with known purchases: no forward window may pass it
   */
  public RollingEvaluation(
      Dataset<Row> events, Protocol protocol, Snapshots snapshots, LocalDate lastDay) {
    this(events, protocol, snapshots, lastDay, EarlierWork.NONE);
  }

  /**
   * As above, with the inner cutoffs' figures ({@link #select}), the rankers ({@link #rankerFor})
   * and the rows they learn from read from and kept in {@code stored}.
   *
   * @param stored what earlier runs measured, labelled and fitted
   */
  public RollingEvaluation(
      Dataset<Row> events,
      Protocol protocol,
      Snapshots snapshots,
      LocalDate lastDay,
      EarlierWork stored) {
    this.events = events;
    this.protocol = protocol;
    this.snapshots = snapshots;
    this.lastDay = lastDay;
    this.stored = stored;
    Row first = events.agg(min(col("dt"))).first();
    this.firstDay = first.isNullAt(0) ? lastDay.plusDays(1) : first.getDate(0).toLocalDate();
  }

  public Protocol protocol() {
    return protocol;
  }

  /**
   * A cutoff can be measured when it has the minimum history before it and its forward window ends
   * by the last day.
   */
  public boolean measurable(LocalDate cutoff) {
    return !cutoff.minusDays(protocol.minHistoryDays() - 1L).isBefore(firstDay)
        && !cutoff.plusDays(protocol.forwardDays()).isAfter(lastDay);
  }

  /** Each list's metrics at a cutoff; the ranker list is the ranker serving that cutoff. */
  public Map<String, Metrics> metrics(LocalDate cutoff, List<String> lists) {
    Ranker.Fitted ranker = lists.contains(Protocol.RANKER) ? rankerFor(cutoff).orElse(null) : null;
    return work(cutoff).metrics(lists, ranker);
  }

  /** Evaluated users at a cutoff. */
  public int users(LocalDate cutoff) {
    return work(cutoff).users();
  }

  /**
   * The ranker that serves on {@code day}: trained on its measurable training cutoffs (whose
   * forward windows end by {@code day}); empty when the ranker is off or none is measurable.
   */
  public synchronized Optional<Ranker.Fitted> rankerFor(LocalDate day) {
    if (!rankers.containsKey(day)) {
      rankers.put(day, fitRanker(day));
    }
    return rankers.get(day);
  }

  private Optional<Ranker.Fitted> fitRanker(LocalDate day) {
    if (!protocol.ranker().enabled()) {
      return Optional.empty();
    }
    List<LocalDate> candidates =
        protocol.rankerCutoffs(day).stream().filter(this::measurable).toList();
    LocalDate grid = protocol.gridDay(day);
    Optional<Ranker.Fitted> earlier =
        candidates.isEmpty() ? Optional.empty() : stored.findRanker(grid, candidates);
    if (earlier.isPresent()) {
      LOG.info("the ranker for {} (cutoffs {}) from an earlier run", day, candidates);
      return earlier;
    }
    List<LocalDate> cutoffs = new ArrayList<>();
    Dataset<Row> rows = null;
    for (LocalDate c : candidates) {
      Optional<Dataset<Row>> labelled = trainingRows(c);
      if (labelled.isPresent()) {
        cutoffs.add(c);
        rows = rows == null ? labelled.get() : rows.unionByName(labelled.get());
      }
    }
    if (cutoffs.isEmpty()) {
      LOG.info("no ranker for {}: none of its training cutoffs has enough history", day);
      return Optional.empty();
    }
    Dataset<Row> training = rows;
    Ranker.Fitted fitted =
        StepTimer.timed(
            rows.sparkSession().sparkContext(),
            "model",
            "train the ranker for " + day + " on " + cutoffs,
            () ->
                Ranker.fit(
                    training,
                    RankerFeatures.columns(protocol.ranker().generators()),
                    protocol.ranker()));
    stored.keepRanker(grid, candidates, fitted);
    return Optional.of(fitted);
  }

  /**
   * A training cutoff's labelled rows of the users with a positive: an earlier run's, or built now
   * and stored; empty when the cutoff has no evaluated users. A new grid step's ranker shares all
   * its training cutoffs but the newest with the step before's, so it builds one cutoff's rows.
   */
  private Optional<Dataset<Row>> trainingRows(LocalDate cutoff) {
    Optional<Dataset<Row>> earlier = stored.findRows(cutoff);
    if (earlier.isPresent()) {
      LOG.info("cutoff {}: ranker rows from the model store", cutoff);
      return earlier;
    }
    if (work(cutoff).users() == 0) {
      return Optional.empty();
    }
    Dataset<Row> rows = Ranker.withPositives(work(cutoff).labelled());
    stored.keepRows(cutoff, rows);
    return Optional.of(rows);
  }

  /** Whether a ranker can be trained for {@code day}: one of its training cutoffs is measurable. */
  boolean trainable(LocalDate day) {
    return protocol.rankerCutoffs(day).stream().anyMatch(this::measurableForTraining);
  }

  /** A training cutoff also needs its forward window to end by the day of the lists. */
  private boolean measurableForTraining(LocalDate cutoff) {
    return measurable(cutoff) && work(cutoff).users() > 0;
  }

  /** The inner cutoffs of {@code day} that can be measured (all of them with enough history). */
  public List<LocalDate> innerCutoffs(LocalDate day) {
    return protocol.innerCutoffs(day).stream().filter(this::measurable).toList();
  }

  /**
   * What serves on {@code day}: every option and the popularity floor measured at the day's inner
   * cutoffs (or read from an earlier run's measurement of them), then the {@link ServingRule}.
   */
  public Selection select(LocalDate day) {
    List<LocalDate> cutoffs = innerCutoffs(day);
    List<String> lists = new ArrayList<>(protocol.popularityLists());
    List<String> simple = new ArrayList<>();
    for (String option : protocol.options()) {
      if (option.equals("blend")) {
        protocol.blendWeights().forEach(w -> simple.add(Protocol.blend(w)));
      } else if (!option.equals(Protocol.RANKER)) {
        simple.add(option);
      }
    }
    lists.addAll(simple);
    Map<LocalDate, EarlierWork.Measured> earlier = new HashMap<>();
    cutoffs.forEach(c -> stored.find(c).ifPresent(m -> earlier.put(c, m)));
    boolean rankerAsked =
        protocol.options().contains(Protocol.RANKER)
            && protocol.ranker().enabled()
            && !cutoffs.isEmpty();
    Map<LocalDate, Boolean> trainable = new HashMap<>();
    if (rankerAsked) {
      cutoffs.forEach(
          c ->
              trainable.put(c, earlier.containsKey(c) ? earlier.get(c).trainable() : trainable(c)));
    }
    // The rule needs the ranker at every cutoff: without a ranker for one of them it could never
    // serve, so none is trained (the quick start's two months of data stop here).
    boolean ranker = rankerAsked && cutoffs.stream().allMatch(trainable::get);
    Map<String, Map<LocalDate, Metrics>> table = new LinkedHashMap<>();
    for (LocalDate c : cutoffs) {
      List<String> here = new ArrayList<>(lists);
      if (ranker) {
        here.add(Protocol.RANKER);
      }
      measuredAt(c, here, earlier.get(c), trainable.getOrDefault(c, false))
          .forEach((l, m) -> table.computeIfAbsent(l, x -> new LinkedHashMap<>()).put(c, m));
    }
    ServingRule.Choice choice =
        ServingRule.choose(
            ndcg(table), protocol.popularityLists(), simple, Protocol.RANKER, cutoffs);
    return new Selection(day, cutoffs, table, choice);
  }

  /**
   * The lists' metrics at an inner cutoff: an earlier run's when it has them all, else measured.
   */
  private Map<String, Metrics> measuredAt(
      LocalDate c, List<String> lists, EarlierWork.Measured earlier, boolean trainable) {
    if (earlier != null && earlier.metrics().keySet().containsAll(lists)) {
      LOG.info("cutoff {}: {} lists' figures from an earlier run's measurement", c, lists.size());
      Map<String, Metrics> out = new LinkedHashMap<>();
      lists.forEach(l -> out.put(l, earlier.metrics().get(l)));
      return out;
    }
    Map<String, Metrics> measured = metrics(c, lists);
    stored.keep(c, new EarlierWork.Measured(trainable, measured));
    return measured;
  }

  /** The option chosen for a day, with the figures it was chosen on. */
  public record Selection(
      LocalDate day,
      List<LocalDate> cutoffs,
      Map<String, Map<LocalDate, Metrics>> table,
      ServingRule.Choice choice) {

    /** The chosen option's mean NDCG@K over the cutoffs (0 when nothing was measured). */
    public double servedNdcg() {
      Map<LocalDate, Metrics> m = table.get(choice.option());
      return m == null
          ? 0
          : cutoffs.stream()
              .mapToDouble(c -> m.getOrDefault(c, Metrics.none()).ndcg())
              .average()
              .orElse(0);
    }
  }

  static Map<String, Map<LocalDate, Double>> ndcg(Map<String, Map<LocalDate, Metrics>> table) {
    Map<String, Map<LocalDate, Double>> out = new LinkedHashMap<>();
    table.forEach(
        (list, byCutoff) -> {
          Map<LocalDate, Double> v = new LinkedHashMap<>();
          byCutoff.forEach((c, m) -> v.put(c, m.ndcg()));
          out.put(list, v);
        });
    return out;
  }

  private synchronized CutoffWork work(LocalDate cutoff) {
    return works.computeIfAbsent(
        cutoff,
        c -> {
          LOG.info("cutoff {}: splitting on the {} days after it", c, protocol.forwardDays());
          return new CutoffWork(c, upToForward(c), protocol, snapshots);
        });
  }

  /** The events a cutoff may read: its look-back and its forward window, nothing later. */
  private Dataset<Row> upToForward(LocalDate cutoff) {
    return events.filter(
        col("dt")
            .leq(
                org.apache.spark.sql.functions.lit(
                    Date.valueOf(cutoff.plusDays(protocol.forwardDays())))));
  }

  /**
   * Frees the work of every cutoff before {@code earliest} (cached frames, Gram and weight matrices
   * on the driver) and the rankers of days before it. A long backtest calls this as it moves on, so
   * the driver holds a few cutoffs at a time, not all of them; anything asked for again is rebuilt.
   */
  public synchronized void forgetBefore(LocalDate earliest) {
    works
        .entrySet()
        .removeIf(
            e -> {
              if (e.getKey().isBefore(earliest)) {
                e.getValue().close();
                return true;
              }
              return false;
            });
    rankers.keySet().removeIf(day -> day.isBefore(earliest));
  }

  @Override
  public synchronized void close() {
    works.values().forEach(CutoffWork::close);
    works.clear();
    rankers.clear();
  }
}
