package io.modelops.operator.config;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The local disk a model's or a run's pod may use, so no pod fills its node: every container's
 * ephemeral-storage request and limit (ResourceBundles say nothing about disk) and the size limit
 * of each emptyDir the operator mounts.
 *
 * @param request ephemeral-storage request of every container
 * @param limit ephemeral-storage limit of every container
 * @param tmpSizeLimit size limit of the {@code /tmp} emptyDir
 * @param codeSizeLimit size limit of the emptyDir a git or image code source is copied into
 */
public record WorkloadStorage(
    String request, String limit, String tmpSizeLimit, String codeSizeLimit) {
  public WorkloadStorage {
    request = check(request == null ? "256Mi" : request, "ephemeralStorage.request");
    limit = check(limit == null ? "4Gi" : limit, "ephemeralStorage.limit");
    tmpSizeLimit =
        check(tmpSizeLimit == null ? "1Gi" : tmpSizeLimit, "ephemeralStorage.tmpSizeLimit");
    codeSizeLimit =
        check(codeSizeLimit == null ? "2Gi" : codeSizeLimit, "ephemeralStorage.codeSizeLimit");
    if (Quantity.getAmountInBytes(new Quantity(request))
            .compareTo(Quantity.getAmountInBytes(new Quantity(limit)))
        > 0) {
      throw new IllegalArgumentException(
          "ephemeralStorage.request " + request + " exceeds ephemeralStorage.limit " + limit);
    }
  }

  public static WorkloadStorage defaults() {
    return new WorkloadStorage(null, null, null, null);
  }

  private static String check(String value, String setting) {
    try {
      if (Quantity.getAmountInBytes(new Quantity(value)).signum() <= 0) {
        throw new IllegalArgumentException(setting + " must be positive, not " + value);
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException(setting + ": \"" + value + "\" is not a quantity", e);
    }
    return value;
  }
}
