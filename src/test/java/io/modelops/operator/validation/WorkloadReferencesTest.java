package io.modelops.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.CodeSource;
import io.modelops.operator.api.v1alpha1.custommodelversion.RequiredMetadataValue;
import io.modelops.operator.api.v1alpha1.executionenvironment.RequiredMetadataKey;
import io.modelops.operator.lookup.FixedLookups;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.status.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkloadReferencesTest {
  static final NamespaceLookups LOOKUPS =
      FixedLookups.of(Map.of("git-creds", Set.of("password")), Set.of("code"), Set.of("models"));

  static CodeSource code(String yaml) {
    return Serialization.unmarshal(yaml, CodeSource.class);
  }

  @Test
  void refusesMissingCodeReferencesNamingTheField() {
    assertThat(
            WorkloadReferences.checkCode(
                "spec.code", code("configMap: {name: nope}"), LOOKUPS, "team-a"))
        .containsExactly(
            Problem.of(
                "ConfigMapNotFound",
                "spec.code.configMap.name: ConfigMap \"nope\" does not exist in namespace team-a"));
    assertThat(
            WorkloadReferences.checkCode(
                "spec.code", code("persistentVolumeClaim: {claimName: gone}"), LOOKUPS, "team-a"))
        .containsExactly(
            Problem.of(
                "PersistentVolumeClaimNotFound",
                "spec.code.persistentVolumeClaim.claimName: PersistentVolumeClaim \"gone\" does not"
                    + " exist in namespace team-a"));
    assertThat(WorkloadReferences.checkCode("spec.code", null, LOOKUPS, "team-a"))
        .containsExactly(Problem.of("CodeNotFound", "spec.code is required"));
  }

  @Test
  void refusesAGitSecretWithoutTheKeyAndAcceptsPresentReferences() {
    assertThat(
            WorkloadReferences.checkCode(
                "spec.code",
                code("git: {url: 'https://git.example.com/x.git', secretRef: {name: git-creds}}"),
                LOOKUPS,
                "team-a"))
        .containsExactly(
            Problem.of(
                "SecretKeyNotFound",
                "spec.code.git.secretRef: Secret \"git-creds\" has no key \"token\""));
    assertThat(
            WorkloadReferences.checkCode(
                "spec.code", code("configMap: {name: code}"), LOOKUPS, "team-a"))
        .isEmpty();
    assertThat(
            WorkloadReferences.checkCode(
                "spec.code", code("persistentVolumeClaim: {claimName: models}"), LOOKUPS, "team-a"))
        .isEmpty();
  }

  @Test
  void refusesMissingRequiredMetadataNamingTheKeyAndTheEnvironment() {
    RequiredMetadataKey family = new RequiredMetadataKey();
    family.setFieldName("MODEL_FAMILY");
    family.setDisplayName("Model family");
    RequiredMetadataKey owner = new RequiredMetadataKey();
    owner.setFieldName("OWNER");
    RequiredMetadataValue given = new RequiredMetadataValue();
    given.setFieldName("OWNER");
    given.setValue("team-a");
    assertThat(
            WorkloadReferences.checkRequiredMetadata(
                "spec.requiredMetadataValues", "python311", List.of(family, owner), List.of(given)))
        .containsExactly(
            Problem.of(
                "MissingRequiredMetadata",
                "spec.requiredMetadataValues:"
                    + " MODEL_FAMILY (Model family) is required by ExecutionEnvironment python311"));
  }
}
