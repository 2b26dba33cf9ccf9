package com.comborec.generate;

/**
 * truth/user_tastes: each user's planted taste and activity rank, for checking what the pipeline
 * learns.
 */
final class TastesFile {
  static final String[] HEADER = {
    "user_id", "activity_rank", "signup_date", "liked_leaves", "liked_weights", "disliked_tops"
  };

  private TastesFile() {}

  /** Writes users [from, to). */
  static long write(World world, int from, int to, CsvSink sink) {
    People p = world.people;
    Categories c = world.catalog.categories;
    for (int u = from; u < to; u++) {
      People.Taste t = p.taste(u, c);
      StringBuilder leaves = new StringBuilder();
      StringBuilder weights = new StringBuilder();
      for (int k = 0; k < t.likedLeaves().length; k++) {
        leaves.append(k > 0 ? " | " : "").append(c.leafPath(t.likedLeaves()[k]));
        weights.append(k > 0 ? " | " : "").append(t.likedWeights()[k]);
      }
      StringBuilder disliked = new StringBuilder();
      for (int k = 0; k < t.dislikedTops().length; k++) {
        disliked.append(k > 0 ? " | " : "").append(c.top(t.dislikedTops()[k]));
      }
      sink.write(
          new String[] {
            p.id(u),
            Long.toString(p.activityRank(u)),
            world.date(p.signupDay(u)).toString(),
            leaves.toString(),
            weights.toString(),
            disliked.toString()
          });
    }
    return to - from;
  }
}
