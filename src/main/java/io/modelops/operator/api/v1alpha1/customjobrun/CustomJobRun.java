package io.modelops.operator.api.v1alpha1.customjobrun;

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

/** One run of a CustomJob, executed as one batch/v1 Job. */
@Group("modelops.io")
@Version("v1alpha1")
@Singular("customjobrun")
@Plural("customjobruns")
@ShortNames("cjrun")
@Categories("modelops")
@AdditionalPrinterColumn(name = "Job", jsonPath = ".spec.customJobRef.name", type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(name = "Exit", jsonPath = ".status.exitCode", type = Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Duration",
    jsonPath = ".status.duration",
    type = Type.INTEGER,
    getDescription = "Seconds from start to completion")
@AdditionalPrinterColumn(name = "Started", jsonPath = ".status.startTime", type = Type.DATE)
@AdditionalPrinterColumn(
    name = "Logs",
    jsonPath = ".status.logsCommand",
    type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
@ValidationRule(value = "has(self.spec)", message = "spec is required")
// Descriptions of the root, spec and status for kubectl explain.
@SchemaCustomizer(value = SchemaPatch.class, input = CustomJobRun.SCHEMA_PATCH)
public class CustomJobRun extends CustomResource<CustomJobRunSpec, CustomJobRunStatus>
    implements Namespaced {
  static final String SCHEMA_PATCH =
      """
      {"description": "One run of a CustomJob, executed as one batch/v1 Job. Immutable after creation except cancel (false to true).",
       "properties": {
         "spec": {"description": "The job to run, parameter overrides, and the cancel switch."},
         "status": {"description": "Observed state written by the operator: phase, timing, Job, pod, exit code and how to read the logs."}}}
      """;
}
