package io.modelops.operator.api.v1alpha1.customjob;

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

/** A job definition, run on a schedule or by hand as CustomJobRuns. */
@Group("modelops.io")
@Version("v1alpha1")
@Singular("customjob")
@Plural("customjobs")
@ShortNames("cjob")
@Categories("modelops")
@AdditionalPrinterColumn(name = "Type", jsonPath = ".spec.jobType", type = Type.STRING)
@AdditionalPrinterColumn(name = "Schedule", jsonPath = ".spec.schedule.cron", type = Type.STRING)
@AdditionalPrinterColumn(name = "Suspend", jsonPath = ".spec.schedule.suspend", type = Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.activeRuns", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "Last Run", jsonPath = ".status.lastRun.name", type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Last Phase",
    jsonPath = ".status.lastRun.phase",
    type = Type.STRING)
@AdditionalPrinterColumn(
    name = "Next",
    jsonPath = ".status.nextScheduleTime",
    type = Type.DATE,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Config",
    jsonPath = ".status.configVersion",
    type = Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
@ValidationRule(value = "has(self.spec)", message = "spec is required")
// Descriptions of the root, spec and status for kubectl explain.
@SchemaCustomizer(value = SchemaPatch.class, input = CustomJob.SCHEMA_PATCH)
public class CustomJob extends CustomResource<CustomJobSpec, CustomJobStatus>
    implements Namespaced {
  static final String SCHEMA_PATCH =
      """
      {"description": "A custom job: code run in an execution environment, by hand (CustomJobRun) or on a schedule.",
       "properties": {
         "spec": {"description": "What the job runs, with which resources and parameters, and when."},
         "status": {"description": "Observed state written by the operator: runs, schedule and configuration version."}}}
      """;
}
