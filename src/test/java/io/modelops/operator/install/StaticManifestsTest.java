package io.modelops.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelops.operator.testing.ExternalCommand;
import io.modelops.operator.testing.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed files derived from the chart — the kubectl-apply manifests and the Argo CD health
 * checks in deploy/ and docs/argocd.md — are what dev/scripts/render-manifests.sh produces now, so
 * they never drift from the chart and the Lua scripts.
 */
class StaticManifestsTest {
  private static final List<String> KINDS =
      List.of(
          "CustomModel",
          "CustomModelVersion",
          "CustomJob",
          "CustomJobRun",
          "CustomModelTest",
          "ResourceBundle",
          "ExecutionEnvironment");
  private static final Path REPO = LocalCluster.repoDir();

  @TempDir static Path fresh;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "deploy/modelops-operator.yaml",
        "deploy/argocd/argocd-cm-health.yaml",
        "deploy/argocd/argo-cd-values.yaml",
        "docs/argocd.md"
      })
  void committedFileMatchesAFreshRender(String file) throws IOException {
    Path rendered = fresh.resolve(file);
    if (!Files.exists(rendered)) {
      ExternalCommand.of("bash", "dev/scripts/render-manifests.sh")
          .env("OUT_DIR", fresh.toString())
          .timeout(Duration.ofMinutes(3))
          .run()
          .requireSuccess();
    }
    assertThat(Files.readString(REPO.resolve(file)))
        .as("%s is stale: run dev/scripts/render-manifests.sh and commit the result", file)
        .isEqualTo(Files.readString(rendered));
  }

  @Test
  void staticManifestIsTheDefaultReleaseWithItsNamespaceAndWithoutCrds() throws IOException {
    RenderedChart manifest =
        RenderedChart.parse(Files.readString(REPO.resolve("deploy/modelops-operator.yaml")));
    RenderedChart release = RenderedChart.render("modelops", "modelops-system");
    assertThat(manifest.objects().get(0).get("kind").asText()).isEqualTo("Namespace");
    assertThat(manifest.objects().subList(1, manifest.objects().size()))
        .isEqualTo(release.objects());
    assertThat(manifest.ofKind("CustomResourceDefinition")).isEmpty();
  }

  @Test
  void argoCdSnippetsHoldEveryHealthScriptVerbatim() throws IOException {
    JsonNode patch =
        RenderedChart.YAML
            .readTree(REPO.resolve("deploy/argocd/argocd-cm-health.yaml").toFile())
            .get("data");
    JsonNode values =
        RenderedChart.YAML
            .readTree(REPO.resolve("deploy/argocd/argo-cd-values.yaml").toFile())
            .at("/configs/cm");
    String docs = Files.readString(REPO.resolve("docs/argocd.md"));
    Matcher block = Pattern.compile("```yaml\\n(data:\\n.*?)```", Pattern.DOTALL).matcher(docs);
    assertThat(block.find()).as("docs/argocd.md has the argocd-cm block").isTrue();
    JsonNode documented = RenderedChart.YAML.readTree(block.group(1)).get("data");

    for (JsonNode snippet : List.of(patch, values, documented)) {
      assertThat(snippet.size()).isEqualTo(KINDS.size());
      for (String kind : KINDS) {
        String script =
            Files.readString(REPO.resolve("helm/modelops-operator/argocd/health/" + kind + ".lua"));
        assertThat(snippet.path("resource.customizations.health.modelops.io_" + kind).asText())
            .as(kind)
            .isEqualTo(script);
      }
    }
  }

  @Test
  void argoCdApplicationsInstallTheChartAndSyncTheExamples() throws IOException {
    JsonNode operator =
        RenderedChart.YAML.readTree(
            REPO.resolve("examples/gitops/operator-application.yaml").toFile());
    JsonNode examples =
        RenderedChart.YAML.readTree(
            REPO.resolve("examples/gitops/examples-application.yaml").toFile());
    for (JsonNode app : List.of(operator, examples)) {
      assertThat(app.get("apiVersion").asText()).isEqualTo("argoproj.io/v1alpha1");
      assertThat(app.get("kind").asText()).isEqualTo("Application");
      assertThat(app.at("/spec/syncPolicy/syncOptions").toString())
          .contains("ServerSideApply=true", "CreateNamespace=true");
    }
    assertThat(operator.at("/spec/source/path").asText()).isEqualTo("helm/modelops-operator");
    assertThat(REPO.resolve(operator.at("/spec/source/path").asText()).resolve("Chart.yaml"))
        .exists();
    assertThat(operator.at("/spec/source/helm/releaseName").asText()).isEqualTo("modelops");
    assertThat(operator.at("/spec/destination/namespace").asText()).isEqualTo("modelops-system");
    // The chart's values in the Application must pass the chart's strict schema.
    Path values = Files.createTempFile(fresh, "values-", ".yaml");
    RenderedChart.YAML.writeValue(values.toFile(), operator.at("/spec/source/helm/valuesObject"));
    RenderedChart.render("modelops", "modelops-system", "-f", values.toString());

    assertThat(examples.at("/spec/source/path").asText()).isEqualTo("examples");
    assertThat(examples.at("/spec/syncPolicy/syncOptions").toString())
        .contains("RespectIgnoreDifferences=true", "SkipDryRunOnMissingResource=true");
    assertThat(examples.at("/spec/ignoreDifferences/0/jsonPointers/0").asText())
        .isEqualTo("/spec/schedule/suspend");
  }
}
