package io.modelops.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelops.operator.testing.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The CRDs this build generated from the Java model, and where copies are checked in. */
final class GeneratedCrds {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final List<String> PLURALS =
      List.of(
          "custommodels",
          "custommodelversions",
          "customjobs",
          "customjobruns",
          "custommodeltests",
          "resourcebundles",
          "executionenvironments");

  private GeneratedCrds() {}

  static Path generatedDir() {
    return LocalCluster.repoDir().resolve("target/classes/META-INF/fabric8");
  }

  static Path checkedInDir() {
    return LocalCluster.repoDir().resolve("crds");
  }

  static Path chartDir() {
    return LocalCluster.repoDir().resolve("helm/modelops-operator/crds");
  }

  static String fileName(String plural) {
    return plural + ".modelops.io-v1.yml";
  }

  static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode read(String plural) {
    try {
      return YAML.readTree(generatedDir().resolve(fileName(plural)).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The openAPIV3Schema of the CRD's only version. */
  static JsonNode schema(String plural) {
    return read(plural).at("/spec/versions/0/schema/openAPIV3Schema");
  }
}
