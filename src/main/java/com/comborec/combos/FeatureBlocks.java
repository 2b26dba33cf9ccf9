package com.comborec.combos;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;

/** Joins feature blocks into one sparse vector: each block to unit length, times its weight. */
final class FeatureBlocks {
  private FeatureBlocks() {}

  /**
   * Blocks of width {@code width} side by side, then one last scalar slot. Unit length first, so a
   * long title cannot outweigh the category merely by having more words.
   */
  static Vector assemble(int width, Vector[] blocks, double[] weights, double scalar) {
    List<Integer> indices = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int b = 0; b < blocks.length; b++) {
      SparseVector block = blocks[b].toSparse();
      double norm = Vectors.norm(block, 2.0);
      if (norm == 0 || weights[b] == 0) {
        continue;
      }
      for (int k = 0; k < block.indices().length; k++) {
        indices.add(b * width + block.indices()[k]);
        values.add(block.values()[k] / norm * weights[b]);
      }
    }
    if (scalar != 0) {
      indices.add(blocks.length * width);
      values.add(scalar);
    }
    return Vectors.sparse(
        blocks.length * width + 1,
        indices.stream().mapToInt(Integer::intValue).toArray(),
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
