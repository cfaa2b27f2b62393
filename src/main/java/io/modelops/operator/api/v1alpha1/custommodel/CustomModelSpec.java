package io.modelops.operator.api.v1alpha1.custommodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;
import io.modelops.operator.api.SchemaPatch;
import io.modelops.operator.api.v1alpha1.common.Formats;
import io.modelops.operator.api.v1alpha1.common.ServingSettings;
import java.util.List;

/**
 * What a custom model predicts and how it is served by default; the serving fields come from {@link
 * ServingSettings}, shared with versions, which may override them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.targetType in ['Unstructured', 'Anomaly'] || has(self.targetName)",
    message = "targetName is required unless targetType is Unstructured or Anomaly",
    reason = "FieldValueRequired",
    fieldPath = ".targetName")
@ValidationRule(
    value = "has(self.positiveClassLabel) == has(self.negativeClassLabel)",
    message = "positiveClassLabel and negativeClassLabel must be set together (both or neither)")
@ValidationRule(
    value =
        "self.targetType == 'Binary' || !(has(self.positiveClassLabel) || has(self.negativeClassLabel))",
    message =
        "positiveClassLabel and negativeClassLabel are only allowed when targetType is Binary",
    reason = "FieldValueForbidden")
@ValidationRule(
    value = "self.targetType == 'Binary' || !has(self.predictionThreshold)",
    message = "predictionThreshold is only allowed when targetType is Binary",
    reason = "FieldValueForbidden",
    fieldPath = ".predictionThreshold")
@ValidationRule(
    value =
        "self.targetType != 'Multiclass' || (has(self.classLabels) && size(self.classLabels) >= 2)",
    message = "classLabels (at least 2) are required when targetType is Multiclass",
    reason = "FieldValueRequired",
    fieldPath = ".classLabels")
@ValidationRule(
    value = "self.targetType == 'Multiclass' || !has(self.classLabels)",
    message = "classLabels are only allowed when targetType is Multiclass",
    reason = "FieldValueForbidden",
    fieldPath = ".classLabels")
@SchemaCustomizer(
    value = SchemaPatch.class,
    input = "{\"properties\":{\"classLabels\":{\"x-kubernetes-list-type\":\"set\"}}}")
public class CustomModelSpec extends ServingSettings {
  // The scale subresource's spec.replicas: kubectl scale (or an autoscaler targeting the model)
  // writes it.
  @SpecReplicas
  @Min(1)
  @Max(8)
  @JsonPropertyDescription(
      ServingSettings.REPLICAS_DESCRIPTION
          + " The scale subresource of the CustomModel: kubectl scale writes it.")
  private Integer replicas;

  @Size(max = 2000)
  @JsonPropertyDescription("What the model does, for humans.")
  private String description;

  @Size(max = 500)
  @JsonPropertyDescription("Programming language the model is written in.")
  private String language;

  @Size(max = 100)
  @JsonPropertyDescription("An identifier of your own for the model.")
  private String userProvidedId;

  @Required
  @JsonPropertyDescription(
      "What the model predicts: Binary, Regression, Multiclass, Anomaly, Transform,"
          + " TextGeneration, Unstructured or VectorDatabase.")
  private TargetType targetType;

  @Size(max = 500)
  @JsonPropertyDescription(
      "Name of the target the model predicts; labels the predictions. Required unless targetType"
          + " is Unstructured or Anomaly.")
  private String targetName;

  @Size(max = 500)
  @JsonPropertyDescription(
      "Label of the positive class (Binary only, with negativeClassLabel), passed to the pods as"
          + " POSITIVE_CLASS_LABEL. Unset: no label is passed.")
  private String positiveClassLabel;

  @Size(max = 500)
  @JsonPropertyDescription(
      "Label of the negative class (Binary only, with positiveClassLabel), passed to the pods as"
          + " NEGATIVE_CLASS_LABEL. Unset: no label is passed.")
  private String negativeClassLabel;

  @Min(0)
  @Max(1)
  @JsonPropertyDescription(
      "Probability above which a Binary prediction is the positive class, 0..1 (Binary only),"
          + " passed to the pods as PREDICTION_THRESHOLD. Unset: none is passed and the model"
          + " server decides.")
  private Double predictionThreshold;

  @Size(max = 100)
  @JsonPropertyDescription(
      "Class labels of a Multiclass model (required for Multiclass, at least 2, at most 100,"
          + " no duplicates), in the order the model outputs their probabilities.")
  private List<@Size(max = 100) String> classLabels;

  @Size(max = 253)
  @Pattern(Formats.OBJECT_NAME)
  @JsonPropertyDescription(
      "Name of the CustomModelVersion to serve. Default: the newest valid version of this model.")
  private String activeVersion;

  @JsonPropertyDescription(
      "Serving switch: serving.enabled false scales the served Deployment to 0 replicas."
          + " Default: enabled.")
  private Serving serving;

  @Override
  public Integer getReplicas() {
    return replicas;
  }

  @Override
  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  @JsonPropertyDescription(
      "When a version may be served: promotion.requireSuccessfulTest makes each version wait for"
          + " a succeeded CustomModelTest. Default: no test required.")
  private Promotion promotion;

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getUserProvidedId() {
    return userProvidedId;
  }

  public void setUserProvidedId(String userProvidedId) {
    this.userProvidedId = userProvidedId;
  }

  public TargetType getTargetType() {
    return targetType;
  }

  public void setTargetType(TargetType targetType) {
    this.targetType = targetType;
  }

  public String getTargetName() {
    return targetName;
  }

  public void setTargetName(String targetName) {
    this.targetName = targetName;
  }

  public String getPositiveClassLabel() {
    return positiveClassLabel;
  }

  public void setPositiveClassLabel(String positiveClassLabel) {
    this.positiveClassLabel = positiveClassLabel;
  }

  public String getNegativeClassLabel() {
    return negativeClassLabel;
  }

  public void setNegativeClassLabel(String negativeClassLabel) {
    this.negativeClassLabel = negativeClassLabel;
  }

  public Double getPredictionThreshold() {
    return predictionThreshold;
  }

  public void setPredictionThreshold(Double predictionThreshold) {
    this.predictionThreshold = predictionThreshold;
  }

  public List<String> getClassLabels() {
    return classLabels;
  }

  public void setClassLabels(List<String> classLabels) {
    this.classLabels = classLabels;
  }

  public String getActiveVersion() {
    return activeVersion;
  }

  public void setActiveVersion(String activeVersion) {
    this.activeVersion = activeVersion;
  }

  public Serving getServing() {
    return serving;
  }

  public void setServing(Serving serving) {
    this.serving = serving;
  }

  public Promotion getPromotion() {
    return promotion;
  }

  public void setPromotion(Promotion promotion) {
    this.promotion = promotion;
  }
}
