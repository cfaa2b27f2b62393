package io.modelops.operator.pod;

import static io.modelops.operator.pod.Workloads.environment;
import static io.modelops.operator.pod.Workloads.job;
import static io.modelops.operator.pod.Workloads.main;
import static io.modelops.operator.pod.Workloads.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerEnvironmentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WAREHOUSE_CREDENTIAL =
      "{\"credentialType\":\"basic\",\"user\":\"etl\",\"password\":\"p$(a)ss\"}";
  private static final Map<String, Map<String, String>> SECRETS =
      Map.of("warehouse-creds", Map.of("credential", WAREHOUSE_CREDENTIAL));
  private static final RuntimeParameter WAREHOUSE =
      new RuntimeParameter.Credential("WAREHOUSE", new SecretKey("warehouse-creds", "credential"));

  private static List<String> names(Container container) {
    return container.getEnv().stream().map(EnvVar::getName).toList();
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void servingPodStartsWithHomePortAndUrlPrefix() {
    Map<String, String> env = environment(model().serving(new ModelServer(9000, "/churn")));

    assertThat(env)
        .containsEntry("HOME", "/tmp")
        .containsEntry("PORT", "9000")
        .containsEntry("URL_PREFIX", "/churn");
    assertThat(env.keySet()).startsWith("HOME", "PORT", "URL_PREFIX");
  }

  @Test
  void jobPodHasNoPortOrUrlPrefix() {
    assertThat(environment(job())).containsOnlyKeys("HOME");
  }

  @Test
  void keepsTheCallersVariablesInTheCallersOrder() {
    var target =
        List.of(
            new EnvironmentVariable("TARGET_TYPE", "Binary"),
            new EnvironmentVariable("TARGET_NAME", "churned"),
            new EnvironmentVariable("POSITIVE_CLASS_LABEL", "yes"),
            new EnvironmentVariable("NEGATIVE_CLASS_LABEL", "no"),
            new EnvironmentVariable("PREDICTION_THRESHOLD", "0.4"));

    assertThat(names(main(model().environment(target))))
        .containsExactly(
            "HOME",
            "PORT",
            "URL_PREFIX",
            "TARGET_TYPE",
            "TARGET_NAME",
            "POSITIVE_CLASS_LABEL",
            "NEGATIVE_CLASS_LABEL",
            "PREDICTION_THRESHOLD");
  }

  @Test
  void exportsEachRequiredMetadataValueSortedByName() {
    Container main = main(job().requiredMetadata(Map.of("MODEL_FAMILY", "gbm", "BATCH", "7")));

    assertThat(names(main)).containsExactly("HOME", "BATCH", "MODEL_FAMILY");
    assertThat(KubeletEnvironment.resolve(main, Map.of()))
        .containsEntry("MODEL_FAMILY", "gbm")
        .containsEntry("BATCH", "7");
  }

  @Test
  void ordersCallerVariablesThenMetadataThenRuntimeParameters() {
    Container main =
        main(
            job()
                .environment(List.of(new EnvironmentVariable("TARGET_TYPE", "Regression")))
                .requiredMetadata(Map.of("MODEL_FAMILY", "gbm"))
                .runtimeParameters(List.of(RuntimeParameter.numeric("EPOCHS", 3))));

    assertThat(names(main))
        .containsExactly("HOME", "TARGET_TYPE", "MODEL_FAMILY", "MLOPS_RUNTIME_PARAM_EPOCHS");
  }

  @Test
  void numericParameterIsAJsonNumberInItsEnvelope() throws Exception {
    var env =
        environment(
            job()
                .runtimeParameters(
                    List.of(
                        RuntimeParameter.numeric("THRESHOLD_BOOST", 0.1),
                        RuntimeParameter.numeric("EPOCHS", 3))));

    assertThat(env.get("MLOPS_RUNTIME_PARAM_THRESHOLD_BOOST"))
        .isEqualTo("{\"type\":\"numeric\",\"payload\":0.1}");
    assertThat(json(env.get("MLOPS_RUNTIME_PARAM_EPOCHS")).get("payload").isNumber()).isTrue();
    assertThat(json(env.get("MLOPS_RUNTIME_PARAM_EPOCHS")).get("payload").asDouble())
        .isEqualTo(3.0);
  }

  @Test
  void booleanParameterIsAJsonBooleanInItsEnvelope() {
    assertThat(environment(job().runtimeParameters(List.of(RuntimeParameter.bool("DEBUG", true)))))
        .containsEntry("MLOPS_RUNTIME_PARAM_DEBUG", "{\"type\":\"boolean\",\"payload\":true}");
  }

  @Test
  void stringParameterIsAJsonStringWithItsQuotesEscaped() throws Exception {
    String value = "say \"hi\"\\n";
    var env =
        environment(job().runtimeParameters(List.of(RuntimeParameter.string("GREETING", value))));

    JsonNode envelope = json(env.get("MLOPS_RUNTIME_PARAM_GREETING"));
    assertThat(envelope.get("type").asText()).isEqualTo("string");
    assertThat(envelope.get("payload").asText()).isEqualTo(value);
  }

  @Test
  void otherPlainTypesAndNullPayloadsKeepTheirJsonForm() {
    var deployment =
        new RuntimeParameter.Plain(
            "UPSTREAM", "deployment", JsonNodeFactory.instance.textNode("dep-1"));
    var unset =
        new RuntimeParameter.Plain("OPTIONAL", "string", JsonNodeFactory.instance.nullNode());

    assertThat(environment(job().runtimeParameters(List.of(deployment, unset))))
        .containsEntry(
            "MLOPS_RUNTIME_PARAM_UPSTREAM", "{\"type\":\"deployment\",\"payload\":\"dep-1\"}")
        .containsEntry("MLOPS_RUNTIME_PARAM_OPTIONAL", "{\"type\":\"string\",\"payload\":null}");
  }

  @Test
  void credentialParametersNeverAppearAsLiterals() {
    Container main = main(job().runtimeParameters(List.of(WAREHOUSE)));

    EnvVar credential = main.getEnv().get(1);
    assertThat(credential.getName()).isEqualTo("MLOPS_CREDENTIAL_WAREHOUSE");
    assertThat(credential.getValue()).isNull();
    assertThat(credential.getValueFrom().getSecretKeyRef().getName()).isEqualTo("warehouse-creds");
    assertThat(credential.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("credential");
    assertThat(credential.getValueFrom().getSecretKeyRef().getOptional()).isFalse();
    assertThat(main.getEnv().get(2).getValue())
        .isEqualTo("{\"type\":\"credential\",\"payload\":$(MLOPS_CREDENTIAL_WAREHOUSE)}");
  }

  @Test
  void credentialEnvelopeWrapsTheSecretPayloadWhenKubeletStartsTheContainer() throws Exception {
    Container main = main(job().runtimeParameters(List.of(WAREHOUSE)));

    Map<String, String> env = KubeletEnvironment.resolve(main, SECRETS);

    JsonNode envelope = json(env.get("MLOPS_RUNTIME_PARAM_WAREHOUSE"));
    assertThat(envelope.get("type").asText()).isEqualTo("credential");
    assertThat(envelope.get("payload")).isEqualTo(json(WAREHOUSE_CREDENTIAL));
    assertThat(names(main))
        .containsSubsequence("MLOPS_CREDENTIAL_WAREHOUSE", "MLOPS_RUNTIME_PARAM_WAREHOUSE");
  }

  @Test
  void exportsRuntimeParametersSortedByVariableName() {
    Container main =
        main(
            job()
                .runtimeParameters(
                    List.of(
                        RuntimeParameter.string("ZONE", "eu"),
                        new RuntimeParameter.Credential(
                            "BUCKET", new SecretKey("s3", "credential")),
                        RuntimeParameter.numeric("ALPHA", 1))));

    assertThat(names(main))
        .containsExactly(
            "HOME",
            "MLOPS_RUNTIME_PARAM_ALPHA",
            "MLOPS_CREDENTIAL_BUCKET",
            "MLOPS_RUNTIME_PARAM_BUCKET",
            "MLOPS_RUNTIME_PARAM_ZONE");
  }

  @Test
  void literalValuesReachTheProcessVerbatimDespiteKubeletExpansion() throws Exception {
    String tricky = "$(HOME) $$ $PATH $(";
    Container main =
        main(
            model()
                .environment(List.of(new EnvironmentVariable("TARGET_NAME", tricky)))
                .requiredMetadata(Map.of("NOTE", tricky))
                .runtimeParameters(List.of(RuntimeParameter.string("PATTERN", tricky))));

    Map<String, String> env = KubeletEnvironment.resolve(main, Map.of());

    assertThat(env).containsEntry("TARGET_NAME", tricky).containsEntry("NOTE", tricky);
    assertThat(json(env.get("MLOPS_RUNTIME_PARAM_PATTERN")).get("payload").asText())
        .isEqualTo(tricky);
  }

  @Test
  void sanitizesFieldNamesIntoCIdentifiersDeterministically() {
    var env =
        environment(
            job()
                .requiredMetadata(Map.of("model.family", "gbm", "2fa-key", "x", "größe", "l"))
                .runtimeParameters(List.of(RuntimeParameter.bool("use-gpu", false))));

    assertThat(env)
        .containsKeys("model_family", "_2fa_key", "gr__e", "MLOPS_RUNTIME_PARAM_use_gpu");
    assertThat(EnvVarNames.sanitize("a.b-c d")).isEqualTo("a_b_c_d");
    assertThat(EnvVarNames.sanitize("emoji\uD83D\uDE00")).isEqualTo("emoji_");
    assertThat(EnvVarNames.sanitize("KeepCase_09")).isEqualTo("KeepCase_09");
  }

  @Test
  void refusesTwoFieldsThatSanitizeToTheSameVariable() {
    var inputs =
        job()
            .runtimeParameters(
                List.of(
                    RuntimeParameter.numeric("max-depth", 3),
                    RuntimeParameter.numeric("max.depth", 4)));

    assertThatThrownBy(() -> PodAssembly.podTemplate(inputs.build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MLOPS_RUNTIME_PARAM_max_depth")
        .hasMessageContaining("'max-depth'")
        .hasMessageContaining("'max.depth'");
  }

  @Test
  void refusesACredentialVariableThatShadowsAnotherSource() {
    Map<String, String> shadowing = new LinkedHashMap<>();
    shadowing.put("MLOPS_CREDENTIAL_WAREHOUSE", "x");
    var inputs =
        job()
            .requiredMetadata(shadowing)
            .runtimeParameters(
                List.of(
                    new RuntimeParameter.Credential(
                        "WAREHOUSE", new SecretKey("w", "credential"))));

    assertThatThrownBy(() -> PodAssembly.podTemplate(inputs.build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("required metadata 'MLOPS_CREDENTIAL_WAREHOUSE'")
        .hasMessageContaining("runtime parameter 'WAREHOUSE'");
  }

  @Test
  void refusesACallerVariableThatShadowsPort() {
    var inputs = model().environment(List.of(new EnvironmentVariable("PORT", "1")));

    assertThatThrownBy(() -> PodAssembly.podTemplate(inputs.build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PORT")
        .hasMessageContaining("the serving port");
  }

  @Test
  void refusesAPlainParameterOfTypeCredential() {
    assertThatThrownBy(
            () ->
                new RuntimeParameter.Plain(
                    "WAREHOUSE", "credential", JsonNodeFactory.instance.textNode("secret!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RuntimeParameter.Credential");
  }

  @Test
  void refusesAnUnknownParameterType() {
    assertThatThrownBy(
            () ->
                new RuntimeParameter.Plain("X", "Numeric", JsonNodeFactory.instance.numberNode(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Numeric'");
  }

  @Test
  void plainParameterPayloadCannotBeChangedAfterConstruction() {
    var payload = JsonNodeFactory.instance.objectNode().put("a", 1);
    var parameter = new RuntimeParameter.Plain("CFG", "string", payload);

    payload.put("a", 2);
    ((com.fasterxml.jackson.databind.node.ObjectNode) parameter.payload()).put("a", 3);

    assertThat(parameter.payload().get("a").asInt()).isEqualTo(1);
  }
}
