package com.comborec.cli;

import com.comborec.bundle.BundleStage;
import com.comborec.combos.CombosStage;
import com.comborec.core.ComborecException;
import com.comborec.core.LockSettings;
import com.comborec.core.SettingsSection;
import com.comborec.core.Stage;
import com.comborec.features.FeaturesStage;
import com.comborec.features.market.MarketStage;
import com.comborec.ingest.IngestStage;
import com.comborec.model.ModelStage;
import com.comborec.privacy.PrivacySettings;
import com.comborec.recommend.RecommendStage;
import com.comborec.segment.SegmentStage;
import com.comborec.store.PublishSettings;
import java.util.ArrayList;
import java.util.List;

/** The pipeline's stages in dependency order; {@code nightly} runs them all, {@code run} one. */
public final class Stages {
  private Stages() {}

  public static List<Stage<?>> all() {
    return List.of(
        new IngestStage(),
        new FeaturesStage(),
        new MarketStage(),
        new SegmentStage(),
        new CombosStage(),
        new ModelStage(),
        new RecommendStage(),
        new BundleStage());
  }

  /**
   * Every configuration section: the shared ones (output layout, privacy, the output lock) and each
   * stage's own, in pipeline order. {@code ComboConfig} validates them all before Spark starts.
   */
  public static List<SettingsSection<?>> settings() {
    List<SettingsSection<?>> out =
        new ArrayList<>(
            List.of(PublishSettings.SECTION, PrivacySettings.SECTION, LockSettings.SECTION));
    all().forEach(stage -> out.addAll(stage.settings()));
    return List.copyOf(out);
  }

  public static List<String> names() {
    return all().stream().map(Stage::name).toList();
  }

  public static Stage<?> named(String name) {
    return all().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> ComborecException.usage("unknown stage '%s'; stages are %s", name, names()));
  }

  /** The named stages, in pipeline order whatever order they were given in. */
  public static List<Stage<?>> select(List<String> names) {
    names.forEach(Stages::named);
    return all().stream().filter(s -> names.contains(s.name())).toList();
  }
}
