package com.comborec.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/** The text of truth/README.txt and the spec as written to truth/spec.json. */
final class TruthReadme {
  static final String TEXT =
      String.join(
          "\n",
          "Planted structure of this generated input set (comborec generator).",
          "",
          "spec.json             the GeneratorSpec that produced it (same spec = byte-identical"
              + " files)",
          "rejects.json          exact planted bad rows: per source, per reason code; each bad row"
              + " has one fault",
          "rejects_by_file.csv   the same per file",
          "summary.json          files and records per source (records = data rows, bad ones"
              + " included)",
          "items.csv             catalog truth: popularity rank (Zipf, exponent "
              + Catalog.ZIPF_EXPONENT
              + "), launch date, inactive, planted set",
          "combos.csv            complementary pairs and triples: when a cart holds one member, the"
              + " rest joins",
          "                      the order with probability "
              + Shopper.COMPLETE_SET
              + "; "
              + Shopper.SET_SESSION
              + " of sessions buy a whole set",
          "market.json           demand curves per top category and the planted trend breaks",
          "user_tastes/          per user: three liked leaves (weights 0.5/0.3/0.2), disliked top"
              + " categories,",
          "                      activity rank (P(rank r) ~ 1/(r + c), c = max(5, users/1000))."
              + " Users browse liked leaves "
              + Shopper.TASTE_SHARE,
          "                      of the time and never disliked tops; in feedback they dismiss a"
              + " shown item of a",
          "                      disliked top with probability "
              + Reactions.DISMISS_DISLIKED
              + " and click with "
              + Reactions.CLICK_BASE
              + " + "
              + Reactions.CLICK_PER_AFFINITY
              + " * affinity.",
          "",
          "Category demand (market.json) scales both the market rows and how often shoppers pick"
              + " and buy a",
          "category, and the day's event volume follows the mean demand. Guests (empty user_id) are"
              + " "
              + Shopper.GUEST_SHARE
              + " of sessions.",
          "Bad rows are extra copies of a good row with one fault, so accepted rows are the clean"
              + " simulation.",
          "");

  private TruthReadme() {}

  static Map<String, Object> spec(GeneratorSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", s.from().toString());
    m.put("to", s.to().toString());
    m.put("seed", s.seed());
    m.put("users", s.users());
    m.put("items", s.items());
    m.put("events", s.events());
    m.put("gzip", s.gzip());
    m.put("malformed_fraction", s.malformedFraction());
    m.put("feedback_root", s.feedbackRoot());
    m.put("events_per_file", s.eventsPerFile());
    m.put("market_history_days", s.marketHistoryDays());
    m.put("users_every_days", s.usersEveryDays());
    return m;
  }
}
