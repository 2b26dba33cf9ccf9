package com.comborec.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The product's packages depend one way: contract and core at the bottom, shared libraries above
 * them, then the stages in pipeline order, then publish and the command line. A stage never imports
 * a later stage, and shared algorithms live below every stage that uses them.
 */
class PackageGraphTest {
  /** Lowest first; packages on one line are siblings and may not use each other. */
  static final List<List<String>> LAYERS =
      List.of(
          List.of("contract"),
          List.of("core"),
          // shared libraries: ranking metrics and exposure, blocked top-N scoring, privacy; and
          // the synthetic data generator, which knows only the contract
          List.of("metrics", "scoring", "privacy", "generate"),
          // diversity re-ranking (uses metrics); the work store and staging (uses privacy)
          List.of("responsible", "store"),
          // the stages, in pipeline order
          List.of("ingest"),
          List.of("features"),
          List.of("segment"),
          List.of("combos"),
          List.of("model"),
          List.of("recommend"),
          List.of("bundle"),
          List.of("publish"),
          List.of("cli"));

  @Test
  void productPackagesDependOnlyDownward() {
    JavaClasses product =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.comborec");
    PackageGraph graph = new PackageGraph("com.comborec", LAYERS);
    assertEquals(Set.of(), graph.violations(product), "layers:\n" + graph);
  }

  /**
   * Inside the model stage: item-item maths and the serving rule at the bottom, the candidate
   * generators over them, the ranker over the generators, the evaluation over all of them, and the
   * stage's own classes ({@code com.comborec.model}) on top, used by none of them.
   */
  static final List<List<String>> MODEL_LAYERS =
      List.of(
          List.of("itemitem", "selection"),
          List.of("candidates"),
          List.of("ranker"),
          List.of("evaluation"));

  @Test
  void theModelStagesSubpackagesDependOnlyDownward() {
    JavaClasses model =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.comborec.model");
    PackageGraph graph = new PackageGraph("com.comborec.model", MODEL_LAYERS);
    assertEquals(Set.of(), graph.violations(model), "layers:\n" + graph);
  }

  /** The test of the test: a fixture where a low package uses a high one, i.e. a cycle. */
  @Test
  void aDependencyUpwardOrACycleIsReported() {
    JavaClasses fixture = new ClassFileImporter().importPackages("com.comborec.arch.fixture");
    PackageGraph graph =
        new PackageGraph("com.comborec.arch.fixture", List.of(List.of("low"), List.of("high")));
    assertEquals(
        Set.of("low -> high (Low uses High)"),
        graph.violations(fixture),
        "High -> Low is allowed, Low -> High closes the cycle");
  }

  @Test
  void aPackageOutsideEveryLayerIsReported() {
    JavaClasses fixture = new ClassFileImporter().importPackages("com.comborec.arch.fixture");
    PackageGraph graph = new PackageGraph("com.comborec.arch.fixture", List.of(List.of("high")));
    assertEquals(
        Set.of("low is in no layer: place it in the package graph", "high -> low (High uses Low)"),
        graph.violations(fixture));
  }
}
