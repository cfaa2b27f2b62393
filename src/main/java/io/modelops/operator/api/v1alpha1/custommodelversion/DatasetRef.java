package io.modelops.operator.api.v1alpha1.custommodelversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Training or holdout data a version was built from: kept and surfaced, never required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatasetRef {
  @Required
  @Size(max = 255)
  @JsonPropertyDescription("Name of the dataset.")
  private String datasetName;

  @Size(max = 255)
  @JsonPropertyDescription("Version of the dataset. Default: unspecified (whatever was current).")
  private String datasetVersion;

  @Size(max = 500)
  @JsonPropertyDescription("Name of the column holding the partition assignments.")
  private String partitionColumn;

  public String getDatasetName() {
    return datasetName;
  }

  public void setDatasetName(String datasetName) {
    this.datasetName = datasetName;
  }

  public String getDatasetVersion() {
    return datasetVersion;
  }

  public void setDatasetVersion(String datasetVersion) {
    this.datasetVersion = datasetVersion;
  }

  public String getPartitionColumn() {
    return partitionColumn;
  }

  public void setPartitionColumn(String partitionColumn) {
    this.partitionColumn = partitionColumn;
  }
}
