package com.comborec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * docs/manifest.schema.json, the manifest's documented shape, applied to manifests the tests wrote:
 * a stage result that drifts from the documentation fails the end-to-end test that ran it.
 */
public final class ManifestSchema {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  private ManifestSchema() {}

  /** The problems of one manifest, as "path: message" lines; empty when it conforms. */
  public static Set<String> problems(JsonNode manifest) {
    Set<String> out = new TreeSet<>();
    for (ValidationMessage m : schema().validate(manifest)) {
      out.add(m.getInstanceLocation() + ": " + m.getMessage());
    }
    return out;
  }

  /** Every {@code _manifests/dt=*.json} under an output root conforms (and there is one). */
  public static void assertAllValid(Path outputRoot) {
    List<Path> manifests = manifests(outputRoot);
    assertFalse(manifests.isEmpty(), "no manifest under " + outputRoot);
    for (Path p : manifests) {
      try {
        assertEquals(Set.of(), problems(JSON.readTree(p.toFile())), p.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static List<Path> manifests(Path outputRoot) {
    Path dir = outputRoot.resolve("_manifests");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("dt=.*\\.json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized JsonSchema schema() {
    if (schema == null) {
      Path file = TestSpark.projectDir().resolve("docs/manifest.schema.json");
      try {
        schema =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(file.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }
}
