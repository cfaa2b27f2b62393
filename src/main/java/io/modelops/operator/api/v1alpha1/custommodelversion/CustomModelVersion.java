package io.modelops.operator.api.v1alpha1.custommodelversion;

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

/** An immutable version of a custom model: code, environment and runtime parameters. */
@Group("modelops.io")
@Version("v1alpha1")
@Singular("custommodelversion")
@Plural("custommodelversions")
@ShortNames("cmv")
@Categories("modelops")
@AdditionalPrinterColumn(name = "Model", jsonPath = ".spec.customModelRef.name", type = Type.STRING)
@AdditionalPrinterColumn(name = "Version", jsonPath = ".status.version", type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Frozen", jsonPath = ".status.frozen", type = Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Image",
    jsonPath = ".status.image",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
@ValidationRule(value = "has(self.spec)", message = "spec is required")
// Descriptions of the root, spec and status for kubectl explain.
@SchemaCustomizer(value = SchemaPatch.class, input = CustomModelVersion.SCHEMA_PATCH)
public class CustomModelVersion
    extends CustomResource<CustomModelVersionSpec, CustomModelVersionStatus> implements Namespaced {
  static final String SCHEMA_PATCH =
      """
      {"description": "A version of a CustomModel: code, execution environment and runtime parameters. Immutable after creation except description and requiredMetadataValues; numbered by the operator.",
       "properties": {
         "spec": {"description": "The version's code, environment, runtime parameters and serving overrides."},
         "status": {"description": "Observed state written by the operator: version number, validation, effective runtime parameters, conditions Validated and Ready."}}}
      """;
}
