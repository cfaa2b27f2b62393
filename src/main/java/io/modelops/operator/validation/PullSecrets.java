package io.modelops.operator.validation;

import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.executionenvironment.EnvironmentResolution;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The image pull Secrets of a model's or a job's pod: those its environment version names, checked
 * in the workload's own namespace (by name, never read past existence and type, never copied), then
 * the operator's defaults, which the platform keeps in every namespace and which are not looked up.
 */
public final class PullSecrets {
  /** The key of a {@code kubernetes.io/dockerconfigjson} Secret, the type the kubelet reads. */
  static final String DOCKER_CONFIG_KEY = ".dockerconfigjson";

  private PullSecrets() {}

  /** One problem per environment pull Secret that is missing or not a registry credential. */
  public static List<Problem> check(
      EnvironmentResolution.Resolved environment, NamespaceLookups lookups, String namespace) {
    List<Problem> problems = new ArrayList<>();
    for (var secret : environment.imagePullSecrets()) {
      switch (lookups.secret(secret.name(), DOCKER_CONFIG_KEY)) {
        case PRESENT -> {}
        case NO_SECRET ->
            problems.add(
                Problem.of(
                    Reasons.SECRET_NOT_FOUND,
                    secret.field()
                        + ": image pull Secret \""
                        + secret.name()
                        + "\" does not exist in namespace "
                        + namespace));
        case NO_KEY ->
            problems.add(
                Problem.of(
                    Reasons.SECRET_KEY_NOT_FOUND,
                    secret.field()
                        + ": Secret \""
                        + secret.name()
                        + "\" in namespace "
                        + namespace
                        + " has no key "
                        + DOCKER_CONFIG_KEY
                        + " (an image pull Secret is of type kubernetes.io/dockerconfigjson)"));
      }
    }
    return problems;
  }

  /** The pod's pull Secrets: the environment version's, then the operator's, each once. */
  public static List<String> of(EnvironmentResolution.Resolved environment, OperatorConfig config) {
    Set<String> names = new LinkedHashSet<>();
    environment.imagePullSecrets().forEach(s -> names.add(s.name()));
    names.addAll(config.placement().imagePullSecrets());
    return List.copyOf(names);
  }
}
