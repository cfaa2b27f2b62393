package io.modelops.operator.api.v1alpha1.custommodel;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.modelops.operator.api.SchemaPatch;

/**
 * A model served from its active CustomModelVersion: a Deployment per served version behind one
 * Service.
 */
@Group("modelops.io")
@Version("v1alpha1")
@Singular("custommodel")
@Plural("custommodels")
@ShortNames("cmod")
@Categories("modelops")
@AdditionalPrinterColumn(name = "Target", jsonPath = ".spec.targetType", type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Version", jsonPath = ".status.activeVersion", type = Type.STRING)
@AdditionalPrinterColumn(name = "Desired", jsonPath = ".status.replicas", type = Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Current",
    jsonPath = ".status.currentReplicas",
    type = Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Available",
    jsonPath = ".status.readyReplicas",
    type = Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Max",
    jsonPath = ".spec.autoscaling.maxReplicas",
    type = Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Endpoint",
    jsonPath = ".status.endpoint",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
@ValidationRule(value = "has(self.spec)", message = "spec is required")
// Descriptions of the root, spec and status for kubectl explain.
@SchemaCustomizer(value = SchemaPatch.class, input = CustomModel.SCHEMA_PATCH)
public class CustomModel extends CustomResource<CustomModelSpec, CustomModelStatus>
    implements Namespaced {
  static final String SCHEMA_PATCH =
      """
      {"description": "A custom model served on Kubernetes: the operator runs its active CustomModelVersion as a Deployment behind a Service, with a NetworkPolicy and, for HA, a PodDisruptionBudget.",
       "properties": {
         "spec": {"description": "What the model predicts and how it is served by default; versions may override the serving fields."},
         "status": {"description": "Observed state written by the operator: phase, served version, replicas and conditions Ready, Progressing, Degraded."}}}
      """;
}
