package com.comborec.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.model.Serving;
import org.junit.jupiter.api.Test;

/** model.json as the model stage writes it, and the refusals of a broken one. */
class ModelInfoTest {
  @Test
  void readsServingAndVersion() {
    ModelInfo m =
        ModelInfo.parse(
            "{\"model_version\":\"blend-2026-03-31-0a1b2c3d\",\"serving\":\"blend\","
                + "\"serving_list\":\"blend_0.25\",\"metrics\":{}}");
    assertEquals(new ModelInfo(Serving.BLEND, "blend-2026-03-31-0a1b2c3d"), m, "parsed model.json");
    assertTrue(
        m.usesServedLists() && !m.usesAls() && !m.usesCooccurrence() && m.personal(),
        "blend is served from the model stage's lists");
    assertTrue(
        ModelInfo.parse("{\"model_version\":\"v\",\"serving\":\"als\"}").usesAls(),
        "als scores from its factors");
  }

  @Test
  void refusesUnknownServingAndMissingVersion() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelInfo.parse("{\"model_version\":\"v\",\"serving\":\"x\"}"));
    assertThrows(IllegalArgumentException.class, () -> ModelInfo.parse("{\"serving\":\"als\"}"));
    assertThrows(IllegalArgumentException.class, () -> ModelInfo.parse("not json"));
  }
}
