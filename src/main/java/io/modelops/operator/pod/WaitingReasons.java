package io.modelops.operator.pod;

import java.util.Set;

/** Container waiting reasons, as the kubelet reports them, shared by models and jobs. */
public final class WaitingReasons {
  /**
   * Reasons no retry will cure: an image that cannot be pulled, a container that cannot be created
   * (e.g. a referenced Secret or ConfigMap key is missing). A run fails at once on them; a model
   * reports them as the reason its rollout is stuck.
   */
  public static final Set<String> DETERMINISTIC =
      Set.of(
          "ErrImagePull",
          "ImagePullBackOff",
          "InvalidImageName",
          "CreateContainerConfigError",
          "CreateContainerError");

  private WaitingReasons() {}
}
