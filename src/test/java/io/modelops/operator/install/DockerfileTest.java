package io.modelops.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.modelops.operator.testing.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, checked statically (no Docker daemon here): a JDK 17 build stage producing the
 * Maven jar, a JRE 17 run stage with only that jar, a numeric non-root user the chart's
 * securityContext agrees with, and an exec-form java entrypoint with container-aware flags.
 */
class DockerfileTest {
  /** One instruction, continuation lines joined. */
  record Instruction(String keyword, String arguments) {}

  private final List<List<Instruction>> stages = stages();

  @Test
  void buildsWithJdk17AndRunsOnJre17() {
    assertThat(stages).hasSize(2);
    Instruction buildFrom = stages.get(0).get(0);
    assertThat(buildFrom.arguments()).matches("eclipse-temurin:17-jdk\\S* AS build");
    assertThat(arguments(stages.get(0), "RUN"))
        .anyMatch(r -> r.startsWith("./mvnw") && r.contains(" package"));
    assertThat(stages.get(1).get(0).arguments()).matches("eclipse-temurin:17-jre\\S*");
  }

  @Test
  void runStageHoldsOnlyTheJarAndNeedsNoShell() throws IOException {
    List<Instruction> run = stages.get(1);
    assertThat(arguments(run, "RUN")).as("no RUN: nothing is installed in the run stage").isEmpty();
    assertThat(arguments(run, "COPY"))
        .singleElement()
        .satisfies(
            copy -> {
              assertThat(copy).startsWith("--from=build ");
              assertThat(copy).contains("/src/target/" + jarName() + " ");
              assertThat(copy).endsWith("/app/" + jarName());
            });
    List<String> entrypoint = entrypoint();
    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size()))
        .containsExactly("-jar", "/app/" + jarName());
    assertThat(arguments(run, "CMD")).isEmpty();
  }

  @Test
  void jvmSizesItselfFromTheContainerAndExitsOnOutOfMemory() {
    assertThat(entrypoint())
        .contains(
            "-XX:+UseContainerSupport", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp");
    assertThat(entrypoint()).anyMatch(a -> a.matches("-XX:MaxRAMPercentage=[0-9.]+"));
  }

  @Test
  void memorySettingsAreTheOnesTheBenchmarkMeasures() throws IOException {
    // make bench starts the operator with the ENTRYPOINT's JVM flags and the ENV lines
    // (io.modelops.operator.bench.ImageJvm); these are the settings its memory figures are for.
    assertThat(entrypoint())
        .contains("-XX:+UseSerialGC", "-XX:MaxRAMPercentage=50.0", "-XX:MaxHeapFreeRatio=30");
    assertThat(Files.readAllLines(LocalCluster.repoDir().resolve("Dockerfile")))
        .contains("ENV MALLOC_ARENA_MAX=2");
  }

  @Test
  void runsAsTheNumericNonRootUserTheChartExpects() {
    List<String> users = arguments(stages.get(1), "USER");
    assertThat(users).singleElement().satisfies(u -> assertThat(u).matches("[0-9]+(:[0-9]+)?"));
    long uid = Long.parseLong(users.get(0).split(":")[0]);
    assertThat(uid).isGreaterThan(0);
    Deployment deployment =
        RenderedChart.render("modelops", "modelops-system")
            .get("Deployment", "modelops-operator", Deployment.class);
    assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
        .isEqualTo(uid);
    assertThat(arguments(stages.get(1), "EXPOSE"))
        .containsExactly(
            String.join(
                " ",
                ChartRenderTest.operatorContainer(deployment).getPorts().stream()
                    .map(p -> String.valueOf(p.getContainerPort()))
                    .toList()));
  }

  @Test
  void buildContextIsOnlyTheMavenProject() throws IOException {
    List<String> ignore =
        Files.readAllLines(LocalCluster.repoDir().resolve(".dockerignore")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    assertThat(ignore).containsExactly("*", "!.mvn/", "!mvnw", "!pom.xml", "!src/");
  }

  private List<String> entrypoint() {
    List<String> entrypoints = arguments(stages.get(1), "ENTRYPOINT");
    assertThat(entrypoints).hasSize(1);
    try {
      JsonNode exec = new ObjectMapper().readTree(entrypoints.get(0));
      assertThat(exec.isArray()).as("exec form (JSON array): no shell wraps the JVM").isTrue();
      List<String> args = new ArrayList<>();
      exec.forEach(a -> args.add(a.asText()));
      return args;
    } catch (IOException e) {
      throw new AssertionError("ENTRYPOINT is not a JSON array: " + entrypoints.get(0), e);
    }
  }

  private static List<String> arguments(List<Instruction> stage, String keyword) {
    return stage.stream()
        .filter(i -> i.keyword().equals(keyword))
        .map(Instruction::arguments)
        .toList();
  }

  /** The jar the Maven build produces: {@code <finalName>.jar} from pom.xml. */
  private static String jarName() throws IOException {
    String pom = Files.readString(LocalCluster.repoDir().resolve("pom.xml"));
    Matcher m = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
    assertThat(m.find()).isTrue();
    return m.group(1) + ".jar";
  }

  private static List<List<Instruction>> stages() {
    List<String> lines;
    try {
      lines = Files.readAllLines(LocalCluster.repoDir().resolve("Dockerfile"));
    } catch (IOException e) {
      throw new AssertionError("cannot read Dockerfile", e);
    }
    List<List<Instruction>> stages = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : lines) {
      String trimmed = line.strip();
      if (pending.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      String text = pending.toString().strip();
      pending.setLength(0);
      String[] parts = text.split("\\s+", 2);
      Instruction instruction =
          new Instruction(
              parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "");
      if (instruction.keyword().equals("FROM")) {
        stages.add(new ArrayList<>());
      }
      stages.get(stages.size() - 1).add(instruction);
    }
    return stages;
  }
}
