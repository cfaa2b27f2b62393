package io.modelops.operator.pod;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The pod of a model test: the model server exactly as {@link PodAssembly} builds it for serving
 * (same image, code, environment, resources, probe), run as a native sidecar (an init container
 * with {@code restartPolicy: Always}), and the tester as the pod's one regular container. The
 * server starts first and stops when the tester exits, so the pod (and its Job) ends with the
 * tester; the pod never restarts ({@code restartPolicy: Never}). The tester runs with the same
 * restricted security context, a small fixed share of cpu, memory and disk, its own {@code /tmp},
 * and the dataset mounted read-only; its termination message carries the report back.
 */
public final class TestPodAssembly {
  /** The tester container's name, as {@code kubectl logs -c} takes it. */
  public static final String TESTER_CONTAINER = "tester";

  static final String DATASET_VOLUME = "dataset";
  static final String TESTER_TMP_VOLUME = "tester-tmp";

  private TestPodAssembly() {}

  /** The test pod of {@code server} (inputs with a model server) and {@code tester}. */
  public static PodTemplateSpec podTemplate(WorkloadInputs server, TesterInputs tester) {
    if (server.serving().isEmpty()) {
      throw new IllegalArgumentException("a model test needs the inputs of a model server");
    }
    PodTemplateSpec serving = PodAssembly.podTemplate(server);
    var spec = serving.getSpec();
    List<Container> init = new ArrayList<>(spec.getInitContainers());
    for (Container c : spec.getContainers()) {
      init.add(new ContainerBuilder(c).withRestartPolicy("Always").build());
    }
    List<Volume> volumes = new ArrayList<>(spec.getVolumes());
    volumes.add(
        new VolumeBuilder()
            .withName(TESTER_TMP_VOLUME)
            .withNewEmptyDir()
            .withSizeLimit(server.operatorSettings().tmpSizeLimit())
            .endEmptyDir()
            .build());
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(
        new VolumeMountBuilder()
            .withName(TESTER_TMP_VOLUME)
            .withMountPath(PodLayout.TMP_DIR)
            .build());
    tester
        .dataset()
        .ifPresent(
            dataset -> {
              volumes.add(datasetVolume(dataset));
              mounts.add(
                  new VolumeMountBuilder()
                      .withName(DATASET_VOLUME)
                      .withMountPath(TesterInputs.DATASET_DIR)
                      .withReadOnly(true)
                      .build());
            });
    return new PodTemplateSpecBuilder(serving)
        .editSpec()
        .withRestartPolicy("Never")
        .withInitContainers(init)
        .withContainers(testerContainer(tester, server.operatorSettings(), mounts))
        .withVolumes(volumes)
        .endSpec()
        .build();
  }

  private static Container testerContainer(
      TesterInputs tester, OperatorPodSettings settings, List<VolumeMount> mounts) {
    return PodSecurity.restrictedContainer(TESTER_CONTAINER, tester.image())
        .withArgs(tester.argument())
        .addNewEnv()
        .withName(tester.planEnv())
        .withValue(tester.planJson())
        .endEnv()
        .withResources(
            new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("100m"))
                .addToRequests("memory", new Quantity("256Mi"))
                .addToRequests(
                    ComputeResources.EPHEMERAL_STORAGE, new Quantity(settings.storage().request()))
                .addToLimits("cpu", new Quantity("1"))
                .addToLimits("memory", new Quantity("256Mi"))
                .addToLimits(
                    ComputeResources.EPHEMERAL_STORAGE, new Quantity(settings.storage().limit()))
                .build())
        .withVolumeMounts(mounts)
        .build();
  }

  private static Volume datasetVolume(TesterInputs.Dataset dataset) {
    VolumeBuilder volume = new VolumeBuilder().withName(DATASET_VOLUME);
    if (dataset instanceof TesterInputs.ConfigMapKey key) {
      return volume
          .withNewConfigMap()
          .withName(key.name())
          .addNewItem()
          .withKey(key.key())
          .withPath(TesterInputs.DATASET_FILE)
          .endItem()
          .endConfigMap()
          .build();
    }
    TesterInputs.VolumeFile file = (TesterInputs.VolumeFile) dataset;
    return volume
        .withNewPersistentVolumeClaim()
        .withClaimName(file.claimName())
        .withReadOnly(true)
        .endPersistentVolumeClaim()
        .build();
  }
}
