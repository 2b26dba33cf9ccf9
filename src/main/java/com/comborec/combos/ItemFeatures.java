package com.comborec.combos;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Content features of catalog items: category path prefixes, brand, TF-IDF of title words and log
 * price, each block scaled to unit length and weighted, in one sparse vector per item.
 */
public final class ItemFeatures {
  static final StructType VECTORS =
      new StructType()
          .add("item_id", DataTypes.StringType)
          .add("block", DataTypes.StringType)
          .add("listable", DataTypes.BooleanType)
          .add("features", SQLDataTypes.VectorType());

  private ItemFeatures() {}

  /** item_id, block (top-level category), listable (sellable), features (vector). */
  public static Dataset<Row> vectors(Dataset<Row> products, SimilarSettings s) {
    if (products.isEmpty()) {
      // IDF cannot be fitted on no documents; an empty catalog simply has no neighbours.
      return products.sparkSession().createDataFrame(List.of(), VECTORS);
    }
    Dataset<Row> tokens = tokens(products);
    Dataset<Row> hashed = hash(tokens, "category_tokens", "category_tf", s.numFeatures(), true);
    hashed = hash(hashed, "brand_tokens", "brand_tf", s.numFeatures(), true);
    hashed = hash(hashed, "title_tokens", "title_counts", s.numFeatures(), false);
    Dataset<Row> weighted =
        new IDF()
            .setInputCol("title_counts")
            .setOutputCol("title_tfidf")
            .fit(hashed)
            .transform(hashed);
    return withScaledLogPrice(weighted)
        .withColumn(
            "features",
            assembler(s.weights(), s.numFeatures())
                .apply(
                    col("category_tf"), col("brand_tf"), col("title_tfidf"), col("price_scaled")))
        .select(col("item_id"), col("block"), col("listable"), col("features"));
  }

  /**
   * Token arrays: every prefix of the lower-cased category path ("a", "a>b", "a>b>c": siblings
   * share their parent's tokens), the brand as one token, and the title's words.
   */
  static Dataset<Row> tokens(Dataset<Row> products) {
    Dataset<Row> base =
        products
            .withColumn(
                "category_levels",
                expr("split(lower(trim(coalesce(category, 'uncategorized'))), '\\\\s*>\\\\s*')"))
            .withColumn(
                "category_tokens",
                expr(
                    "transform(sequence(1, size(category_levels)), i ->"
                        + " array_join(slice(category_levels, 1, i), '>'))"))
            .withColumn("block", element_at(col("category_levels"), 1))
            .withColumn(
                "brand_tokens",
                expr("filter(array(lower(trim(coalesce(brand, '')))), b -> b != '')"))
            .withColumn("title_text", expr("coalesce(title, '')"))
            .withColumn("listable", Companions.isSellable());
    return new RegexTokenizer()
        .setInputCol("title_text")
        .setOutputCol("title_tokens")
        .setPattern("[^\\p{L}\\p{N}]+")
        .setToLowercase(true)
        .transform(base);
  }

  private static Dataset<Row> hash(
      Dataset<Row> in, String input, String output, int width, boolean binary) {
    return new HashingTF()
        .setInputCol(input)
        .setOutputCol(output)
        .setNumFeatures(width)
        .setBinary(binary)
        .transform(in);
  }

  /** Log price min-max scaled to [0, 1] over the catalog (all 0 when every price is the same). */
  static Dataset<Row> withScaledLogPrice(Dataset<Row> in) {
    Row range = in.agg(min(log(col("price"))), max(log(col("price")))).first();
    double low = range.isNullAt(0) ? 0.0 : range.getDouble(0);
    double span = range.isNullAt(1) ? 0.0 : range.getDouble(1) - low;
    return in.withColumn(
        "price_scaled", span > 0 ? log(col("price")).minus(low).divide(span) : lit(0.0));
  }

  private static UserDefinedFunction assembler(SimilarSettings.Weights w, int width) {
    double category = w.category();
    double brand = w.brand();
    double title = w.title();
    double price = w.price();
    UDF4<Vector, Vector, Vector, Double, Vector> assemble =
        (c, b, t, p) ->
            FeatureBlocks.assemble(
                width, new Vector[] {c, b, t}, new double[] {category, brand, title}, p * price);
    return udf(assemble, SQLDataTypes.VectorType());
  }
}
