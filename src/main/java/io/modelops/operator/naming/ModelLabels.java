package io.modelops.operator.naming;

import java.util.LinkedHashMap;
import java.util.Map;

/** Labels of the objects the operator creates for a model, and the selector its informers use. */
public final class ModelLabels {
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String OPERATOR = "modelops-operator";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MODEL_SERVER = "model-server";
  public static final String MODEL = "modelops.io/model";
  public static final String VERSION = "modelops.io/version";

  /** Informers of the model controller see only the objects it made. */
  public static final String SELECTOR =
      MANAGED_BY + "=" + OPERATOR + "," + COMPONENT + "=" + MODEL_SERVER;

  /** Pod annotation carrying the full model name (label values are capped at 63 characters). */
  public static final String MODEL_NAME_ANNOTATION = "modelops.io/model-name";

  /** Deployment annotation carrying the full version name (its label value may be shortened). */
  public static final String VERSION_NAME_ANNOTATION = "modelops.io/version-name";

  /** Deployment annotation naming the resource bundle its pods run on. */
  public static final String BUNDLE_ANNOTATION = "modelops.io/resource-bundle";

  /**
   * Deployment annotation of a Deployment whose replicas an autoscaler owns: the fewest replicas it
   * may run, below which it is not Available (more pods starting after a scale-up is no rollout).
   */
  public static final String AUTOSCALING_MIN_ANNOTATION = "modelops.io/autoscaling-min-replicas";

  private ModelLabels() {}

  /** Labels of the model-wide objects (Service, NetworkPolicy, PDB). */
  public static Map<String, String> model(String model) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", Names.labelValue(model));
    labels.put(MANAGED_BY, OPERATOR);
    labels.put(COMPONENT, MODEL_SERVER);
    labels.put(MODEL, Names.labelValue(model));
    return labels;
  }

  /** Labels of a version's Deployment and pods. */
  public static Map<String, String> version(String model, String version, String instance) {
    Map<String, String> labels = model(model);
    labels.put("app.kubernetes.io/instance", instance);
    labels.put(VERSION, Names.labelValue(version));
    return labels;
  }

  /** The pods of one version of a model. */
  public static Map<String, String> selector(String model, String version) {
    return Map.of(MODEL, Names.labelValue(model), VERSION, Names.labelValue(version));
  }

  /** All pods of a model. */
  public static Map<String, String> selector(String model) {
    return Map.of(MODEL, Names.labelValue(model));
  }
}
