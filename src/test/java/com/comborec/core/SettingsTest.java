package com.comborec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void stringMapKeysAreSparkPropertyNamesWithoutHoconQuotes() {
    Settings s =
        new Settings(
                ConfigFactory.parseString(
                    "spark.conf { \"spark.sql.shuffle.partitions\" = \"8\", spark.ui.enabled ="
                        + " false }"),
                "comborec")
            .section("spark");
    assertEquals(
        Map.of("spark.sql.shuffle.partitions", "8", "spark.ui.enabled", "false"),
        s.stringMap("conf"));
  }

  @Test
  void localConfReachesSparkUnquoted() {
    ComboConfig c =
        ComboConfig.load(
            new java.io.File("conf/local.conf"),
            java.util.List.of(),
            com.comborec.cli.Stages.settings());
    assertEquals("8", c.spark().conf().get("spark.sql.shuffle.partitions"));
    assertEquals("false", c.spark().conf().get("spark.ui.enabled"));
  }
}
