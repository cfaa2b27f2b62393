package io.modelops.operator.pod;

import static io.modelops.operator.pod.InputChecks.requireText;

import io.modelops.operator.config.OperatorConfig;

/**
 * The operator-level settings every assembled pod depends on.
 *
 * @param gitFetcherImage image of the init container that clones git code sources; it must provide
 *     {@code sh} and git 2.31 or newer on PATH and work as an arbitrary non-root UID (the default,
 *     {@code alpine/git}, does)
 */
public record OperatorPodSettings(String gitFetcherImage) {
  public OperatorPodSettings {
    requireText(gitFetcherImage, "git fetcher image");
  }

  /** The settings taken from the operator's configuration. */
  public static OperatorPodSettings from(OperatorConfig config) {
    return new OperatorPodSettings(config.gitFetcherImage());
  }
}
