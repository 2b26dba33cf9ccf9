package com.comborec.combos;

import java.io.Serializable;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;

/** An item's sparse feature vector and whether it may be listed as someone's neighbour. */
public record ItemVector(String id, int[] indices, double[] values, double norm, boolean listable)
    implements Serializable {

  public static ItemVector of(String id, Vector features, boolean listable) {
    SparseVector v = features.toSparse();
    return new ItemVector(id, v.indices(), v.values(), Vectors.norm(v, 2.0), listable);
  }
}
