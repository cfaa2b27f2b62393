package io.modelops.operator.resourcebundle;

import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundleSpec;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator checks of a ResourceBundle before reporting it Ready: cpu and memory are set
 * and positive (memory at least 128 MiB), the GPU count is not negative and a GPU maker is named
 * exactly when there are GPUs, and at least one use case is listed. The CRD schema refuses the same
 * at apply time; the check covers bundles stored before a rule existed (or written with validation
 * bypassed) and says in status what was checked.
 */
public final class ResourceBundleValidator {
  static final long MIN_MEMORY_BYTES = 128L * 1024 * 1024;

  private ResourceBundleValidator() {}

  /** Every problem of {@code spec}, each naming its field; empty when the bundle is usable. */
  public static List<Problem> validate(ResourceBundleSpec spec) {
    List<Problem> problems = new ArrayList<>();
    if (spec.getCpuCount() == null || spec.getCpuCount() < 1) {
      problems.add(invalid("spec.cpuCount: must be set and at least 1, is " + spec.getCpuCount()));
    }
    if (spec.getMemoryBytes() == null || spec.getMemoryBytes() < MIN_MEMORY_BYTES) {
      problems.add(
          invalid(
              "spec.memoryBytes: must be set and at least "
                  + MIN_MEMORY_BYTES
                  + " (128 MiB), is "
                  + spec.getMemoryBytes()));
    }
    int gpus = spec.getGpuCount() == null ? 0 : spec.getGpuCount();
    if (gpus < 0) {
      problems.add(invalid("spec.gpuCount: must not be negative, is " + gpus));
    } else if (gpus > 0 && spec.getGpuMaker() == null) {
      problems.add(invalid("spec.gpuMaker: required when gpuCount is greater than 0"));
    } else if (gpus == 0 && spec.getGpuMaker() != null) {
      problems.add(invalid("spec.gpuMaker: set although gpuCount is 0"));
    }
    if (spec.getUseCases() == null || spec.getUseCases().isEmpty()) {
      problems.add(invalid("spec.useCases: list at least one use case"));
    }
    return problems;
  }

  private static Problem invalid(String message) {
    return Problem.of(Reasons.INVALID_BUNDLE, message);
  }
}
