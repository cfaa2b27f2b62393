package io.modelops.operator.api.v1alpha1.custommodelversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.modelops.operator.api.SchemaPatch;
import io.modelops.operator.api.v1alpha1.common.CodeSource;
import io.modelops.operator.api.v1alpha1.common.EnvironmentRef;
import io.modelops.operator.api.v1alpha1.common.Formats;
import io.modelops.operator.api.v1alpha1.common.NameRef;
import io.modelops.operator.api.v1alpha1.common.RuntimeParameterDefinition;
import io.modelops.operator.api.v1alpha1.common.RuntimeParameterValue;
import io.modelops.operator.api.v1alpha1.common.ServingSettings;
import java.util.List;

/**
 * One immutable version of a custom model's code and runtime, with optional serving overrides.
 * After creation only description and requiredMetadataValues may change (what a version served is
 * then always what its spec says): one CEL transition rule per other field says so.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "has(self.customModelRef) == has(oldSelf.customModelRef) && (!has(self.customModelRef) || self.customModelRef == oldSelf.customModelRef)",
    message = "customModelRef" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".customModelRef")
@ValidationRule(
    value =
        "has(self.environment) == has(oldSelf.environment) && (!has(self.environment) || self.environment == oldSelf.environment)",
    message = "environment" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".environment")
@ValidationRule(
    value = "has(self.code) == has(oldSelf.code) && (!has(self.code) || self.code == oldSelf.code)",
    message = "code" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".code")
@ValidationRule(
    value =
        "has(self.entryPoint) == has(oldSelf.entryPoint) && (!has(self.entryPoint) || self.entryPoint == oldSelf.entryPoint)",
    message = "entryPoint" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".entryPoint")
@ValidationRule(
    value =
        "has(self.label) == has(oldSelf.label) && (!has(self.label) || self.label == oldSelf.label)",
    message = "label" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".label")
@ValidationRule(
    value =
        "has(self.isMajorUpdate) == has(oldSelf.isMajorUpdate) && (!has(self.isMajorUpdate) || self.isMajorUpdate == oldSelf.isMajorUpdate)",
    message = "isMajorUpdate" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".isMajorUpdate")
@ValidationRule(
    value =
        "has(self.runtimeParameterDefinitions) == has(oldSelf.runtimeParameterDefinitions) && (!has(self.runtimeParameterDefinitions) || self.runtimeParameterDefinitions == oldSelf.runtimeParameterDefinitions)",
    message = "runtimeParameterDefinitions" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".runtimeParameterDefinitions")
@ValidationRule(
    value =
        "has(self.runtimeParameterValues) == has(oldSelf.runtimeParameterValues) && (!has(self.runtimeParameterValues) || self.runtimeParameterValues == oldSelf.runtimeParameterValues)",
    message = "runtimeParameterValues" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".runtimeParameterValues")
@ValidationRule(
    value =
        "has(self.trainingData) == has(oldSelf.trainingData) && (!has(self.trainingData) || self.trainingData == oldSelf.trainingData)",
    message = "trainingData" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".trainingData")
@ValidationRule(
    value =
        "has(self.holdoutData) == has(oldSelf.holdoutData) && (!has(self.holdoutData) || self.holdoutData == oldSelf.holdoutData)",
    message = "holdoutData" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".holdoutData")
@ValidationRule(
    value =
        "has(self.replicas) == has(oldSelf.replicas) && (!has(self.replicas) || self.replicas == oldSelf.replicas)",
    message = "replicas" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".replicas")
@ValidationRule(
    value =
        "has(self.maximumMemory) == has(oldSelf.maximumMemory) && (!has(self.maximumMemory) || self.maximumMemory == oldSelf.maximumMemory)",
    message = "maximumMemory" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".maximumMemory")
@ValidationRule(
    value =
        "has(self.desiredMemory) == has(oldSelf.desiredMemory) && (!has(self.desiredMemory) || self.desiredMemory == oldSelf.desiredMemory)",
    message = "desiredMemory" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".desiredMemory")
@ValidationRule(
    value =
        "has(self.resourceBundleRef) == has(oldSelf.resourceBundleRef) && (!has(self.resourceBundleRef) || self.resourceBundleRef == oldSelf.resourceBundleRef)",
    message = "resourceBundleRef" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".resourceBundleRef")
@ValidationRule(
    value =
        "has(self.networkEgressPolicy) == has(oldSelf.networkEgressPolicy) && (!has(self.networkEgressPolicy) || self.networkEgressPolicy == oldSelf.networkEgressPolicy)",
    message = "networkEgressPolicy" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".networkEgressPolicy")
@ValidationRule(
    value =
        "has(self.requiresHa) == has(oldSelf.requiresHa) && (!has(self.requiresHa) || self.requiresHa == oldSelf.requiresHa)",
    message = "requiresHa" + CustomModelVersionSpec.IMMUTABLE,
    fieldPath = ".requiresHa")
@SchemaCustomizer(value = SchemaPatch.class, input = CustomModelVersionSpec.LIST_KEYS)
public class CustomModelVersionSpec extends ServingSettings {
  @Min(1)
  @Max(8)
  @JsonPropertyDescription(
      ServingSettings.REPLICAS_DESCRIPTION
          + " Set here (or autoscaling), it overrides the model's scaling for this version.")
  private Integer replicas;

  static final String IMMUTABLE =
      " is immutable: create a new CustomModelVersion instead (only description and"
          + " requiredMetadataValues can change)";
  // Keyed lists: one entry per fieldName (duplicates are refused) and server-side apply merges
  // entries by fieldName.
  static final String LIST_KEYS =
      """
      {"properties": {
        "runtimeParameterDefinitions": {"x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["fieldName"]},
        "runtimeParameterValues": {"x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["fieldName"]},
        "requiredMetadataValues": {"x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["fieldName"]}}}
      """;

  @Required
  @JsonPropertyDescription("The CustomModel (same namespace) this is a version of.")
  private NameRef customModelRef;

  @Required
  @JsonPropertyDescription(
      "Image to run: {name, version} of an ExecutionEnvironment (version default: its"
          + " latestVersion) or {image} directly.")
  private EnvironmentRef environment;

  @Required
  @JsonPropertyDescription(
      "The model's code, mounted read-only at /opt/code: exactly one of configMap, git, image,"
          + " persistentVolumeClaim.")
  private CodeSource code;

  @Size(max = 255)
  @Pattern(Formats.RELATIVE_PATH)
  @JsonPropertyDescription(
      "Executable in the code directory that starts the model server (run as"
          + " /opt/code/<entryPoint>). Default: start_server.sh.")
  private String entryPoint;

  @Size(max = 100)
  @JsonPropertyDescription("A label of your own for this version, e.g. \"gbm-2024-06\".")
  private String label;

  @Size(max = 2000)
  @JsonPropertyDescription("What changed in this version, for humans. May be edited.")
  private String description;

  @JsonPropertyDescription(
      "true numbers this version as the next major version (N+1.0), false as the next minor"
          + " (N.M+1). Default: true.")
  private Boolean isMajorUpdate;

  @Size(max = RuntimeParameterDefinition.MAX_PER_SPEC)
  @JsonPropertyDescription(
      "Runtime parameters this version accepts (as in model-metadata.yaml), one per fieldName.")
  private List<RuntimeParameterDefinition> runtimeParameterDefinitions;

  @Size(max = RuntimeParameterValue.MAX_PER_SPEC)
  @JsonPropertyDescription(
      "Values for runtime parameters, one per fieldName; credentials as"
          + " {secretRef: {name, key}}.")
  private List<RuntimeParameterValue> runtimeParameterValues;

  @Size(max = 50)
  @JsonPropertyDescription(
      "Values for the execution environment's requiredMetadataKeys, one per fieldName. May be"
          + " edited.")
  private List<RequiredMetadataValue> requiredMetadataValues;

  @JsonPropertyDescription(
      "Dataset the model was trained on (surfaced only; never blocks serving).")
  private DatasetRef trainingData;

  @JsonPropertyDescription("Holdout dataset of the model (surfaced only; never blocks serving).")
  private DatasetRef holdoutData;

  public NameRef getCustomModelRef() {
    return customModelRef;
  }

  public void setCustomModelRef(NameRef customModelRef) {
    this.customModelRef = customModelRef;
  }

  public EnvironmentRef getEnvironment() {
    return environment;
  }

  public void setEnvironment(EnvironmentRef environment) {
    this.environment = environment;
  }

  public CodeSource getCode() {
    return code;
  }

  public void setCode(CodeSource code) {
    this.code = code;
  }

  public String getEntryPoint() {
    return entryPoint;
  }

  public void setEntryPoint(String entryPoint) {
    this.entryPoint = entryPoint;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Boolean getIsMajorUpdate() {
    return isMajorUpdate;
  }

  public void setIsMajorUpdate(Boolean isMajorUpdate) {
    this.isMajorUpdate = isMajorUpdate;
  }

  public List<RuntimeParameterDefinition> getRuntimeParameterDefinitions() {
    return runtimeParameterDefinitions;
  }

  public void setRuntimeParameterDefinitions(
      List<RuntimeParameterDefinition> runtimeParameterDefinitions) {
    this.runtimeParameterDefinitions = runtimeParameterDefinitions;
  }

  public List<RuntimeParameterValue> getRuntimeParameterValues() {
    return runtimeParameterValues;
  }

  public void setRuntimeParameterValues(List<RuntimeParameterValue> runtimeParameterValues) {
    this.runtimeParameterValues = runtimeParameterValues;
  }

  public List<RequiredMetadataValue> getRequiredMetadataValues() {
    return requiredMetadataValues;
  }

  public void setRequiredMetadataValues(List<RequiredMetadataValue> requiredMetadataValues) {
    this.requiredMetadataValues = requiredMetadataValues;
  }

  public DatasetRef getTrainingData() {
    return trainingData;
  }

  public void setTrainingData(DatasetRef trainingData) {
    this.trainingData = trainingData;
  }

  public DatasetRef getHoldoutData() {
    return holdoutData;
  }

  public void setHoldoutData(DatasetRef holdoutData) {
    this.holdoutData = holdoutData;
  }

  @Override
  public Integer getReplicas() {
    return replicas;
  }

  @Override
  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }
}
