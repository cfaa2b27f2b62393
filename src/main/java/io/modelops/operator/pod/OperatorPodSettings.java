package io.modelops.operator.pod;

import static io.modelops.operator.pod.InputChecks.requireText;

import io.fabric8.kubernetes.api.model.Quantity;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.config.WorkloadStorage;
import java.util.Objects;
import java.util.Set;

/**
 * The operator-level settings every assembled pod depends on.
 *
 * @param gitFetcherImage image of the init container that clones git code sources; it must provide
 *     {@code sh} and git 2.31 or newer on PATH and work as an arbitrary non-root UID (the default,
 *     {@code alpine/git} pinned by digest, does)
 * @param gitHttpHosts hosts a git code source may reach over plain http, token included
 * @param storage ephemeral-storage of every container and size limits of the emptyDirs
 */
public record OperatorPodSettings(
    String gitFetcherImage, Set<String> gitHttpHosts, WorkloadStorage storage) {
  public OperatorPodSettings {
    requireText(gitFetcherImage, "git fetcher image");
    gitHttpHosts = Set.copyOf(Objects.requireNonNull(gitHttpHosts, "gitHttpHosts"));
    Objects.requireNonNull(storage, "storage");
  }

  /** The git fetcher image with every other setting at its default. */
  public OperatorPodSettings(String gitFetcherImage) {
    this(gitFetcherImage, Set.of(), WorkloadStorage.defaults());
  }

  /** The settings taken from the operator's configuration. */
  public static OperatorPodSettings from(OperatorConfig config) {
    return new OperatorPodSettings(
        config.gitFetcherImage(), Set.copyOf(config.gitHttpHosts()), config.ephemeralStorage());
  }

  Quantity tmpSizeLimit() {
    return new Quantity(storage.tmpSizeLimit());
  }

  Quantity codeSizeLimit() {
    return new Quantity(storage.codeSizeLimit());
  }
}
