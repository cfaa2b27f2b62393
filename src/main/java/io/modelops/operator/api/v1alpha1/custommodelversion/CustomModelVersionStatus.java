package io.modelops.operator.api.v1alpha1.custommodelversion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.modelops.operator.api.v1alpha1.common.ConditionedStatus;
import io.modelops.operator.api.v1alpha1.common.RuntimeParameterStatus;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import java.util.List;

/** Observed state of a version: its number, validation result and effective runtime values. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomModelVersionStatus extends ConditionedStatus {
  @JsonPropertyDescription("Major version number, assigned once by the operator and never changed.")
  private Integer versionMajor;

  @JsonPropertyDescription("Minor version number, assigned once by the operator and never changed.")
  private Integer versionMinor;

  @JsonPropertyDescription("versionMajor.versionMinor, e.g. \"2.1\".")
  private String version;

  @JsonPropertyDescription("pending, validated, invalid, or serving (a CustomModel serves it now).")
  private CustomModelVersionPhase phase;

  @JsonPropertyDescription("true once the version has been served; it then stays true.")
  private Boolean frozen;

  @JsonPropertyDescription("The image the version runs, resolved from its environment.")
  private String image;

  @JsonPropertyDescription(
      "The environment version label in effect, when an ExecutionEnvironment is used.")
  private String environmentVersion;

  @JsonPropertyDescription(
      "Overall status of the version's latest CustomModelTest (unset when it has none):"
          + " queued, in_progress, succeeded, warning, failed, aborted or canceled.")
  private TestingStatus testingStatus;

  @JsonPropertyDescription("Name of the version's latest CustomModelTest.")
  private String latestTest;

  @JsonPropertyDescription(
      "Each runtime parameter with its default, override and current value (credentials by"
          + " reference only).")
  private List<RuntimeParameterStatus> runtimeParameters;

  public Integer getVersionMajor() {
    return versionMajor;
  }

  public void setVersionMajor(Integer versionMajor) {
    this.versionMajor = versionMajor;
  }

  public Integer getVersionMinor() {
    return versionMinor;
  }

  public void setVersionMinor(Integer versionMinor) {
    this.versionMinor = versionMinor;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public CustomModelVersionPhase getPhase() {
    return phase;
  }

  public void setPhase(CustomModelVersionPhase phase) {
    this.phase = phase;
  }

  public Boolean getFrozen() {
    return frozen;
  }

  public void setFrozen(Boolean frozen) {
    this.frozen = frozen;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getEnvironmentVersion() {
    return environmentVersion;
  }

  public void setEnvironmentVersion(String environmentVersion) {
    this.environmentVersion = environmentVersion;
  }

  public List<RuntimeParameterStatus> getRuntimeParameters() {
    return runtimeParameters;
  }

  public void setRuntimeParameters(List<RuntimeParameterStatus> runtimeParameters) {
    this.runtimeParameters = runtimeParameters;
  }

  public TestingStatus getTestingStatus() {
    return testingStatus;
  }

  public void setTestingStatus(TestingStatus testingStatus) {
    this.testingStatus = testingStatus;
  }

  public String getLatestTest() {
    return latestTest;
  }

  public void setLatestTest(String latestTest) {
    this.latestTest = latestTest;
  }
}
