package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.core.ComboConfig;
import com.comborec.core.ComborecException;
import com.comborec.core.ExitCode;
import com.comborec.core.RunContext;
import com.comborec.features.FeaturesStage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The features and model stages end to end on a seeded synthetic shop, and the stage's gate. */
class ModelStageTest {
  @TempDir static Path dir;
  private static RunContext ctx;
  private static ModelResult.Model result;

  static RunContext context(String output) {
    ComboConfig config =
        SyntheticShop.config(
            dir,
            output,
            "model.ranker.training-cutoffs=2",
            "model.ranker.max-iter=5",
            "model.ranker.max-depth=3",
            "model.popularity-window-days=14");
    return new RunContext(TestSpark.session(), config, SyntheticShop.RUN_DAY, "test");
  }

  @BeforeAll
  static void runFeaturesThenModel() {
    ctx = context("out");
    SyntheticShop.writeValidated(ctx);
    SyntheticShop.writeSegments(ctx);
    ctx.enterStage("features");
    new FeaturesStage().run(ctx);
    ctx.enterStage("model");
    result = new ModelStage().run(ctx).model();
  }

  @Test
  void workOutputsHaveTheAgreedSchemas() {
    assertSchema("interactions", "struct<user_id:string,item_id:string,strength:double>");
    assertSchema("user_index", "struct<user_id:string,uid:int>");
    assertSchema("item_index", "struct<item_id:string,iid:int>");
    assertSchema("popularity", "struct<item_id:string,score:double>");
    assertSchema("segment_popularity", "struct<segment_id:int,item_id:string,score:double>");
    assertSchema("served_lists", "struct<user_id:string,item_id:string,score:double>");
    assertEquals(40, read("user_index").count(), "every synthetic user has an interaction");
    assertEquals(
        40, read("served_lists").select("user_id").distinct().count(), "a list for every user");
    assertTrue(
        read("served_lists").groupBy("user_id").count().filter("count > 50").isEmpty(),
        "at most serving-depth items per user");
  }

  /**
   * Two inner cutoffs (03-24, 03-17, 7 forward days each); the ranker for each is trained on the
   * two cutoffs before it (03-17 and 03-10; 03-10 and 03-03), all with 14+ days of history.
   */
  @Test
  void modelJsonAndManifestCarryTheChoiceAndEveryOptionsFigures() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                Files.readString(
                    Path.of(java.net.URI.create(ctx.layout().work("model") + "/model.json"))));
    String serving = json.path("serving").asText();
    assertTrue(List.of(Serving.codes()).contains(serving), serving);
    String version = json.path("model_version").asText();
    assertTrue(version.matches(serving + "-2026-03-31-[0-9a-f]{8}"), version);
    assertEquals(5, json.path("k").asInt(), "k");
    assertEquals(result.version(), version, "manifest model.version");
    assertEquals(
        List.of("2026-03-24", "2026-03-17"), List.copyOf(result.eval().usersByCutoff().keySet()));
    for (String name : List.of("ease", "item_knn", "blend_0.5", "ranker")) {
      assertTrue(result.candidates().containsKey(name), name + " measured: " + result.candidates());
      long users = result.candidates().get(name).usersEvaluated();
      assertTrue(users > 0, name + " users_evaluated " + users);
    }
    for (String name : List.of("pop7", "pop14", "pop30")) {
      assertTrue(result.baselines().containsKey(name), name + " floor");
    }
    assertEquals(2, result.cutoffs().get("ease").size(), "ease at both cutoffs");
    assertTrue(!result.reason().isBlank(), "the choice says why");
    assertEquals("passed_no_previous", result.gate().status(), "first run passes");
  }

  @Test
  void gateReadsThePreviousManifestAndRefuses() throws Exception {
    RunContext again = context("out-gate");
    Path manifests = Path.of(java.net.URI.create(again.layout().manifestsRoot()));
    Files.createDirectories(manifests);
    Files.writeString(
        manifests.resolve("dt=2026-03-30.json"),
        "{\"status\": \"published\", \"model\": {\"serving_ndcg_at_k\": 0.25}}");
    // floor 0.8 x 0.25 = 0.2: ease at 0.19 is refused, at 0.2 passes
    ModelStage.Verdict refused = ModelStage.verdict(again, "ease", 0.19);
    ComborecException e = refused.refusal();
    assertEquals(ExitCode.MODEL_QUALITY, e.exitCode(), e.getMessage());
    assertTrue(
        e.getMessage().contains("0.1900")
            && e.getMessage().contains("0.2500")
            && e.getMessage().contains("2026-03-30"),
        e.getMessage());
    assertEquals("refused", refused.gate().status());
    ModelStage.Verdict passed = ModelStage.verdict(again, "ease", 0.2);
    assertEquals(null, passed.refusal());
    assertEquals("passed", passed.gate().status());
    assertEquals(0.25, passed.gate().previousNdcgAtK());
  }

  @Test
  void gateOverrideLetsAWorseModelThrough() throws Exception {
    RunContext overridden =
        new RunContext(
            TestSpark.session(),
            context("out-override").config().with("model.gate.override=true"),
            SyntheticShop.RUN_DAY,
            "test");
    Path manifests = Path.of(java.net.URI.create(overridden.layout().manifestsRoot()));
    Files.createDirectories(manifests);
    Files.writeString(
        manifests.resolve("dt=2026-03-29.json"),
        "{\"status\": \"published\", \"model\": {\"serving_ndcg_at_k\": 0.9}}");
    ModelResult.Model worse =
        result.with(null, null); // the first run's figures; its NDCG is far below 0.9
    assertEquals("overridden", ModelStage.gate(overridden, Serving.EASE, worse).status());
  }

  private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> read(String name) {
    return ctx.spark().read().parquet(ctx.layout().work(name));
  }

  private static void assertSchema(String name, String expected) {
    StructType schema = read(name).schema();
    assertEquals(expected, schema.simpleString(), name + " columns");
  }
}
