package io.modelops.operator.api.v1alpha1.executionenvironment;

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

/** A runtime for models and jobs: labelled versions mapped to container images. */
@Group("modelops.io")
@Version("v1alpha1")
@Singular("executionenvironment")
@Plural("executionenvironments")
@ShortNames("xenv")
@Categories("modelops")
@AdditionalPrinterColumn(
    name = "Language",
    jsonPath = ".spec.programmingLanguage",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Latest", jsonPath = ".status.latestVersion", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
@ValidationRule(value = "has(self.spec)", message = "spec is required")
// Descriptions of the root, spec and status for kubectl explain.
@SchemaCustomizer(value = SchemaPatch.class, input = ExecutionEnvironment.SCHEMA_PATCH)
public class ExecutionEnvironment
    extends CustomResource<ExecutionEnvironmentSpec, ExecutionEnvironmentStatus> {
  static final String SCHEMA_PATCH =
      """
      {"description": "A cluster-wide runtime for custom models and jobs: labelled versions mapped to container images.",
       "properties": {
         "spec": {"description": "The environment's language, required metadata and versions."},
         "status": {"description": "Observed state written by the operator: whether each version's image reference parses and is pinned by digest, and the effective latest version."}}}
      """;
}
