package io.modelops.operator.api.v1alpha1.resourcebundle;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.modelops.operator.api.SchemaPatch;

/** A named size of compute (cpu, memory, GPUs) that models and jobs may reference. */
@Group("modelops.io")
@Version("v1alpha1")
@Singular("resourcebundle")
@Plural("resourcebundles")
@ShortNames("rb")
@Categories("modelops")
@AdditionalPrinterColumn(name = "CPU", jsonPath = ".spec.cpuCount", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "Memory", jsonPath = ".spec.memoryBytes", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "GPU", jsonPath = ".spec.gpuCount", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "GPU Maker", jsonPath = ".spec.gpuMaker", type = Type.STRING)
@AdditionalPrinterColumn(name = "Default", jsonPath = ".spec.isDefault", type = Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Deprecated", jsonPath = ".spec.deprecated", type = Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Use Cases",
    jsonPath = ".spec.useCases",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Node Selector",
    jsonPath = ".spec.placement.nodeSelector",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Runtime Class",
    jsonPath = ".spec.placement.runtimeClassName",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Priority Class",
    jsonPath = ".spec.placement.priorityClassName",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
@ValidationRule(value = "has(self.spec)", message = "spec is required")
// Descriptions of the root, spec and status for kubectl explain.
@SchemaCustomizer(value = SchemaPatch.class, input = ResourceBundle.SCHEMA_PATCH)
public class ResourceBundle extends CustomResource<ResourceBundleSpec, ResourceBundleStatus> {
  static final String SCHEMA_PATCH =
      """
      {"description": "A cluster-wide size of compute (cpu, memory, GPUs) that custom models and jobs reference by name.",
       "properties": {
         "spec": {"description": "The bundle's cpu, memory, GPUs, allowed use cases and the placement of its pods."},
         "status": {"description": "Observed state written by the operator: whether the spec passed its checks, and the container resources the bundle gives a pod."}}}
      """;
}
