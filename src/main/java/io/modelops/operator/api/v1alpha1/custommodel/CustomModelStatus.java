package io.modelops.operator.api.v1alpha1.custommodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;
import io.modelops.operator.api.v1alpha1.common.ConditionedStatus;

/** Observed state of a custom model (conditions Ready, Progressing, Degraded). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomModelStatus extends ConditionedStatus {
  @JsonPropertyDescription(
      "launching, active, replacingModel (a new version is rolling out), errored or inactive.")
  private CustomModelPhase phase;

  @JsonPropertyDescription("Name of the CustomModelVersion being served.")
  private String activeVersion;

  @JsonPropertyDescription("Name of the newest CustomModelVersion of this model.")
  private String latestVersion;

  @StatusReplicas
  @JsonPropertyDescription(
      "Number of serving pods wanted now (desired): the effective replicas, or with autoscaling"
          + " what the HorizontalPodAutoscaler last chose. The scale subresource's replicas.")
  private Integer replicas;

  @JsonPropertyDescription(
      "Number of serving pods of the served version that exist now (current), ready or not.")
  private Integer currentReplicas;

  @LabelSelector
  @JsonPropertyDescription(
      "Label selector of the served version's pods, as a string (the scale subresource's"
          + " selector, which an autoscaler targeting this CustomModel reads).")
  private String selector;

  @JsonPropertyDescription("Number of serving pods ready to answer.")
  private Integer readyReplicas;

  @JsonPropertyDescription(
      "In-cluster URL of the model including URL_PREFIX, e.g."
          + " http://churn.team-a.svc.cluster.local:8080/churn/.")
  private String endpoint;

  @JsonPropertyDescription(
      "Number of Deployments the model owns now, scaled to 0 included (2 during a blue/green"
          + " switch).")
  private Integer deploymentsCount;

  public CustomModelPhase getPhase() {
    return phase;
  }

  public void setPhase(CustomModelPhase phase) {
    this.phase = phase;
  }

  public String getActiveVersion() {
    return activeVersion;
  }

  public void setActiveVersion(String activeVersion) {
    this.activeVersion = activeVersion;
  }

  public String getLatestVersion() {
    return latestVersion;
  }

  public void setLatestVersion(String latestVersion) {
    this.latestVersion = latestVersion;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getCurrentReplicas() {
    return currentReplicas;
  }

  public void setCurrentReplicas(Integer currentReplicas) {
    this.currentReplicas = currentReplicas;
  }

  public String getSelector() {
    return selector;
  }

  public void setSelector(String selector) {
    this.selector = selector;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public Integer getDeploymentsCount() {
    return deploymentsCount;
  }

  public void setDeploymentsCount(Integer deploymentsCount) {
    this.deploymentsCount = deploymentsCount;
  }
}
