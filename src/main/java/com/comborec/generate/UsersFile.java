package com.comborec.generate;

import com.comborec.contract.RejectReason;
import com.comborec.contract.Source;
import java.util.Iterator;
import java.util.Map;

/**
 * The users snapshot of one day: everyone signed up by then, in id order. Bad rows carry fresh ids
 * ("UJ..."), except duplicate_key rows, which repeat the user just written with another region.
 */
final class UsersFile {
  static final String[] HEADER = {"user_id", "birth_year", "gender", "region", "signup_date"};

  private UsersFile() {}

  static Map<String, Long> write(World world, int day, CsvSink sink) {
    People p = world.people;
    long members = 0;
    for (int u = 0; u < p.count; u++) {
      members += p.signupDay(u) <= day ? 1 : 0;
    }
    Rng rng = Rng.of(world.spec.seed(), Streams.USERS_FILE, day);
    int perReason = Faults.perReason(world.spec.malformedFraction(), members);
    long[] junk = {0};
    return PlantedWriter.write(
        sink,
        rows(world, day),
        members,
        Faults.PLANTED.get(Source.USERS),
        perReason,
        rng,
        (good, reason, r) -> corrupt(good, reason, r, day, junk));
  }

  private static String[] corrupt(
      String[] good, RejectReason reason, Rng rng, int day, long[] junk) {
    String[] copy = good.clone();
    if (reason == RejectReason.DUPLICATE_KEY) {
      copy[3] = "Elsewhere".equals(good[3]) ? "Nowhere" : "Elsewhere";
      return copy;
    }
    copy[0] = "UJ" + (day + 1) + "-" + junk[0]++;
    return Faults.user(copy, reason, rng);
  }

  private static Iterator<String[]> rows(World world, int day) {
    People p = world.people;
    return new Iterator<>() {
      private int u = 0;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public String[] next() {
        while (p.signupDay(u) > day) {
          u++;
        }
        int user = u++;
        // signup_date is optional: 3% of users have none.
        boolean noSignup = Rng.unit(world.spec.seed(), Streams.USER, user, 5) < 0.03;
        return new String[] {
          p.id(user),
          p.birthYear(user),
          p.gender(user),
          p.region(user),
          noSignup ? "" : world.date(p.signupDay(user)).toString()
        };
      }
    };
  }
}
