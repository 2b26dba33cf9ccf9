package com.comborec.model.evaluation;

import static org.apache.spark.sql.functions.col;

import com.comborec.model.candidates.Generator;
import com.comborec.model.candidates.Generators;
import com.comborec.model.candidates.TopItems;
import com.comborec.model.candidates.TrainingData;
import com.comborec.model.itemitem.BlendScores;
import com.comborec.model.ranker.Ranker;
import com.comborec.model.ranker.RankerFeatures;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The lists of the chosen option on the serving day, for every user: built exactly as the
 * evaluation built them at its cutoffs, only from all the data up to the run day.
 */
public final class ServedLists {
  private ServedLists() {}

  /**
   * (user_id, item_id, score): each user's best {@code depth} items of {@code list} (a generator
   * code, a blend name or the ranker), none the user bought unless the data allows repeats.
   */
  public static Dataset<Row> build(
      String list,
      TrainingData data,
      Dataset<Row> users,
      int depth,
      Protocol protocol,
      Snapshots snapshots,
      Ranker.Fitted ranker) {
    if (list.equals(Protocol.RANKER)) {
      return ranked(data, users, depth, protocol, snapshots, ranker);
    }
    if (list.startsWith("blend_")) {
      return BlendScores.topPerUser(
              data.purchases(),
              users,
              data.ease(),
              CutoffWork.blendPopularity(data, protocol),
              List.of(Protocol.blendWeight(list)),
              depth)
          .select("user_id", "item_id", "score");
    }
    return Generators.candidates(Generator.of(list), data, users, depth);
  }

  private static Dataset<Row> ranked(
      TrainingData data,
      Dataset<Row> users,
      int depth,
      Protocol protocol,
      Snapshots snapshots,
      Ranker.Fitted ranker) {
    List<Generator> gens = protocol.ranker().generators();
    Dataset<Row> features =
        RankerFeatures.assemble(
            CutoffWork.candidates(data, users, gens, protocol.ranker().depth()),
            gens,
            RankerFeatures.itemStats(data.events(), CutoffWork.qtyPopularity(data), data.cutoff()),
            snapshots.products(data.cutoff()),
            data.events(),
            snapshots.users(data.cutoff()),
            data.cutoff());
    return TopItems.perUser(ranker.score(features), depth)
        .select(col("user_id"), col("item_id"), col("score"));
  }
}
