package com.comborec.segment;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a segmentation produced: the user assignments, the publishable profiles and the figures for
 * the manifest. Closing it releases the cached feature rows.
 */
public final class SegmentationResult implements AutoCloseable {

  /**
   * The run's figures.
   *
   * @param users known users segmented
   * @param kRequested the configured k
   * @param kFitted the k KMeans ran with (reduced for few users; 1 means no model was needed)
   * @param clusters non-empty clusters KMeans produced
   * @param sizes members per final segment id, after merges
   * @param silhouette squared-euclidean silhouette of the final segments; null under 2 segments
   * @param profilesPublished segments large enough to get a profile row
   */
  public record Summary(
      long users,
      int kRequested,
      int kFitted,
      int clusters,
      List<Long> sizes,
      Double silhouette,
      int profilesPublished) {
    public int segments() {
      return sizes.size();
    }
  }

  private final Dataset<Row> segments;
  private final Dataset<Row> profiles;
  private final Summary summary;
  private final Dataset<Row> cached;

  SegmentationResult(
      Dataset<Row> segments, Dataset<Row> profiles, Summary summary, Dataset<Row> cached) {
    this.segments = segments;
    this.profiles = profiles;
    this.summary = summary;
    this.cached = cached;
  }

  /** user_id, segment_id for every known user, as in {@code Schemas.SEGMENTS}. */
  public Dataset<Row> segments() {
    return segments;
  }

  /** The publishable profiles, as in {@code Schemas.SEGMENT_PROFILES}. */
  public Dataset<Row> profiles() {
    return profiles;
  }

  public Summary summary() {
    return summary;
  }

  @Override
  public void close() {
    cached.unpersist();
  }
}
