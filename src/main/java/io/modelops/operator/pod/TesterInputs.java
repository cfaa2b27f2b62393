package io.modelops.operator.pod;

import static io.modelops.operator.pod.InputChecks.requireText;

import java.util.Objects;
import java.util.Optional;

/**
 * What the tester container of a model test needs, resolved by the caller.
 *
 * @param image the operator's own image (the tester is a mode of the operator's jar)
 * @param argument the first program argument that starts the tester
 * @param planEnv the environment variable holding the plan
 * @param planJson the test plan as JSON
 * @param dataset where the CSV dataset comes from; empty for Unstructured models without one
 */
public record TesterInputs(
    String image, String argument, String planEnv, String planJson, Optional<Dataset> dataset) {
  /** Directory the dataset volume is mounted at in the tester container. */
  public static final String DATASET_DIR = "/var/run/modelops/dataset";

  /** File name of a ConfigMap-held dataset inside {@link #DATASET_DIR}. */
  public static final String DATASET_FILE = "dataset.csv";

  public TesterInputs {
    requireText(image, "tester image");
    requireText(argument, "tester argument");
    requireText(planEnv, "plan variable");
    requireText(planJson, "plan");
    Objects.requireNonNull(dataset, "dataset");
  }

  /** A dataset: a ConfigMap key, or a file on a PersistentVolumeClaim. */
  public sealed interface Dataset permits ConfigMapKey, VolumeFile {
    /** Where the tester finds the CSV. */
    String path();
  }

  /** A ConfigMap key, projected as {@link #DATASET_FILE}. */
  public record ConfigMapKey(String name, String key) implements Dataset {
    public ConfigMapKey {
      requireText(name, "dataset ConfigMap");
      requireText(key, "dataset key");
    }

    @Override
    public String path() {
      return DATASET_DIR + "/" + DATASET_FILE;
    }
  }

  /** A file on a PersistentVolumeClaim, mounted read-only. */
  public record VolumeFile(String claimName, String file) implements Dataset {
    public VolumeFile {
      requireText(claimName, "dataset claim");
      requireText(file, "dataset path");
      if (!InputChecks.relativePath(file, "dataset path").equals(file)) {
        throw new IllegalArgumentException("dataset path '" + file + "' must be relative");
      }
    }

    @Override
    public String path() {
      return DATASET_DIR + "/" + file;
    }
  }
}
