package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestConfig;
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
import java.util.Map;
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
        TestConfig.defaults()
            .with(
                "input=" + dir.resolve("in"),
                "output=" + dir.resolve(output),
                "work=" + dir.resolve("work"),
                "lookback-days=60",
                "model.eval.holdout-days=10",
                "model.eval.k=5",
                "model.als.rank=4",
                "model.als.max-iter=5",
                "model.als.blocks=1",
                "model.cooc-neighbors=5",
                "model.blend-depth=10",
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
    assertSchema("als_user_factors", "struct<id:int,features:array<float>>");
    assertSchema("als_item_factors", "struct<id:int,features:array<float>>");
    assertSchema("cooc", "struct<item_id:string,other_item_id:string,score:double>");
    assertSchema("popularity", "struct<item_id:string,score:double>");
    assertSchema("segment_popularity", "struct<segment_id:int,item_id:string,score:double>");
    long users = read("user_index").count();
    assertEquals(40, users, "every synthetic user has a positive interaction");
    assertEquals(users, read("als_user_factors").count(), "one factor row per indexed user");
    assertTrue(
        read("cooc").groupBy("item_id").count().filter("count > 5").isEmpty(),
        "at most 5 neighbours");
  }

  @Test
  void modelJsonAndManifestCarryVersionServingAndMetrics() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                Files.readString(
                    Path.of(java.net.URI.create(ctx.layout().work("model") + "/model.json"))));
    String serving = json.path("serving").asText();
    assertTrue(List.of("als", "cooccurrence", "blend", "popular").contains(serving), serving);
    String version = json.path("model_version").asText();
    assertTrue(version.matches(serving + "-2026-03-31-[0-9a-f]{8}"), version);
    assertEquals(5, json.path("k").asInt(), "k");
    assertEquals(result.version(), version, "manifest model.version");
    assertTrue(
        Files.isDirectory(Path.of(java.net.URI.create(ModelOutputs.modelPath(ctx, version)))),
        "saved ALS model");
    for (String name : List.of("als", "cooccurrence", "blend")) {
      long users = result.candidates().get(name).usersEvaluated();
      assertTrue(users > 0, name + " users_evaluated " + users);
    }
    assertTrue(result.baselines().containsKey("global_popular"), "global baseline");
    assertTrue(result.baselines().containsKey("segment_popular"), "segment baseline");
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
    // floor 0.8 x 0.25 = 0.2: als at 0.19 is refused, at 0.2 passes
    ModelStage.Verdict refused =
        ModelStage.gate(again, "als", Map.of("als", new Metrics(0.19, 0, 0, 0, 0, 7)));
    ComborecException e = refused.refusal();
    assertEquals(ExitCode.MODEL_QUALITY, e.exitCode(), e.getMessage());
    assertTrue(
        e.getMessage().contains("0.1900")
            && e.getMessage().contains("0.2500")
            && e.getMessage().contains("2026-03-30"),
        e.getMessage());
    assertEquals("refused", refused.gate().status());
    ModelStage.Verdict passed =
        ModelStage.gate(again, "als", Map.of("als", new Metrics(0.2, 0, 0, 0, 0, 7)));
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
    ModelStage.Verdict verdict =
        ModelStage.gate(overridden, "als", Map.of("als", new Metrics(0.01, 0, 0, 0, 0, 7)));
    assertEquals("overridden", verdict.gate().status());
  }

  private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> read(String name) {
    return ctx.spark().read().parquet(ctx.layout().work(name));
  }

  private static void assertSchema(String name, String expected) {
    StructType schema = read(name).schema();
    assertEquals(expected, schema.simpleString(), name + " columns");
  }
}
