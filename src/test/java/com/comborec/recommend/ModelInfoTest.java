package com.comborec.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.model.Serving;
import org.junit.jupiter.api.Test;

/** model.json as the model stage writes it, and the refusals of a broken one. */
class ModelInfoTest {
  @Test
  void readsServingVersionAndBlendRecipe() {
    ModelInfo m =
        ModelInfo.parse(
            "{\"model_version\":\"blend-2026-03-31-0a1b2c3d\",\"serving\":\"blend\","
                + "\"blend_weight\":0.7,\"blend_depth\":50,\"metrics\":{}}",
            30);
    assertEquals(
        new ModelInfo(Serving.BLEND, "blend-2026-03-31-0a1b2c3d", 0.7, 50), m, "parsed model.json");
    assertTrue(
        m.usesAls() && m.usesCooccurrence() && m.personal(), "blend uses both and is personal");
    assertEquals(
        30,
        ModelInfo.parse("{\"model_version\":\"v\",\"serving\":\"als\"}", 30).blendDepth(),
        "default blend depth");
  }

  @Test
  void refusesUnknownServingAndMissingVersion() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelInfo.parse("{\"model_version\":\"v\",\"serving\":\"x\"}", 30));
    assertThrows(
        IllegalArgumentException.class, () -> ModelInfo.parse("{\"serving\":\"als\"}", 30));
    assertThrows(IllegalArgumentException.class, () -> ModelInfo.parse("not json", 30));
  }
}
