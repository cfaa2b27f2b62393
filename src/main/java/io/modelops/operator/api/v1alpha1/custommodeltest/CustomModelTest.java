package io.modelops.operator.api.v1alpha1.custommodeltest;

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
 * A test of one CustomModelVersion: its model server runs in a Job beside the model tester, which
 * checks it against a dataset and reports the outcome of each check.
 */
@Group("modelops.io")
@Version("v1alpha1")
@Singular("custommodeltest")
@Plural("custommodeltests")
@ShortNames("cmt")
@Categories("modelops")
@AdditionalPrinterColumn(
    name = "Version",
    jsonPath = ".spec.customModelVersionRef.name",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Model", jsonPath = ".status.customModel", type = Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.overallStatus", type = Type.STRING)
@AdditionalPrinterColumn(name = "Started", jsonPath = ".status.startedAt", type = Type.DATE)
@AdditionalPrinterColumn(name = "Logs", jsonPath = ".status.logs", type = Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
@ValidationRule(value = "has(self.spec)", message = "spec is required")
@SchemaCustomizer(value = SchemaPatch.class, input = CustomModelTest.SCHEMA_PATCH)
public class CustomModelTest extends CustomResource<CustomModelTestSpec, CustomModelTestStatus>
    implements Namespaced {
  static final String SCHEMA_PATCH =
      """
      {"description": "A test of a CustomModelVersion: the version's model server runs in a Job beside the model tester, which checks it against a dataset. One test runs at a time per model; later ones wait as queued. Immutable after creation except cancel (false to true).",
       "properties": {
         "spec": {"description": "The version to test, the dataset, the checks' settings, serving overrides, and the cancel switch."},
         "status": {"description": "Observed state written by the operator: overall status, each check's status and message, timing, Job, pod and how to read the tester's log."}}}
      """;
}
