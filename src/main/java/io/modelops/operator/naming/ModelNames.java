package io.modelops.operator.naming;

/**
 * Names of the objects the operator creates for a model (the scheme is {@link Names}'s): the
 * Service, PodDisruptionBudget, HorizontalPodAutoscaler and URL prefix carry the model's name, the
 * NetworkPolicy the model's name and {@value #POLICY_SUFFIX} (jobs' policies end differently), and
 * each served version's Deployment the version's name, which is unique in the namespace.
 */
public final class ModelNames {
  /** Suffix of a model's NetworkPolicy; a job's ends in {@link RunNames#POLICY_SUFFIX}. */
  public static final String POLICY_SUFFIX = "-model";

  private ModelNames() {}

  /** The model's Service (a DNS-1035 label: it is the model's host name). */
  public static String service(String model) {
    return Names.dnsLabel(model, 63);
  }

  /** The model's PodDisruptionBudget. */
  public static String disruptionBudget(String model) {
    return service(model);
  }

  /** The model's HorizontalPodAutoscaler (it follows the served version's Deployment). */
  public static String autoscaler(String model) {
    return service(model);
  }

  /** The NetworkPolicy of the model's pods. */
  public static String networkPolicy(String model) {
    return Names.withSuffix(model, POLICY_SUFFIX, 63);
  }

  /** The Deployment of one version of a model: named after the version alone. */
  public static String deployment(String version) {
    return Names.dnsLabel(version, Names.WORKLOAD_MAX);
  }

  /** The model server's URL prefix. */
  public static String urlPrefix(String model) {
    return "/" + Names.dnsLabel(model, 63);
  }
}
