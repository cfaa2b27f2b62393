package io.modelops.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.status.Reasons;
import org.junit.jupiter.api.Test;

class NameClaimsTest {
  private static final NameClaims.Claim CLAIM =
      new NameClaims.Claim(Deployment.class, "v1", "CustomModelVersion v1");

  @Test
  void aFreeNameOrOneThisResourceControlsIsNoConflict() {
    CustomModel model = model("churn", "uid-1");
    assertThat(NameClaims.conflict(model, CLAIM, null)).isEmpty();
    assertThat(NameClaims.conflict(model, CLAIM, deployment("CustomModel", "churn", "uid-1", true)))
        .isEmpty();
  }

  @Test
  void anObjectWithoutOwnerIsAConflictNamingIt() {
    var problem =
        NameClaims.conflict(model("churn", "uid-1"), CLAIM, deployment(null, null, null, false));
    assertThat(problem).isPresent();
    assertThat(problem.get().reason()).isEqualTo(Reasons.NAME_CONFLICT);
    assertThat(problem.get().message())
        .isEqualTo(
            "Deployment v1 already exists and has no owner, so the operator leaves it alone and"
                + " creates or changes nothing for this CustomModel. Rename CustomModelVersion v1"
                + " or remove that Deployment.");
  }

  @Test
  void anObjectAnotherResourceControlsIsAConflictNamingThatOwner() {
    var problem =
        NameClaims.conflict(
            model("churn", "uid-1"), CLAIM, deployment("CustomModel", "fraud", "uid-2", true));
    assertThat(problem.get().message())
        .startsWith("Deployment v1 already exists and is controlled by CustomModel fraud,");
    var owned =
        NameClaims.conflict(
            model("churn", "uid-1"), CLAIM, deployment("ReplicaSet", "rs", "uid-1", false));
    // An ownerReference that is not the controller does not make the object this model's.
    assertThat(owned.get().message()).contains("is owned by ReplicaSet rs");
  }

  private static CustomModel model(String name, String uid) {
    CustomModel model = new CustomModel();
    model.getMetadata().setName(name);
    model.getMetadata().setNamespace("team-a");
    model.getMetadata().setUid(uid);
    return model;
  }

  private static Deployment deployment(String kind, String name, String uid, boolean controller) {
    var builder = new DeploymentBuilder().withNewMetadata().withName("v1").endMetadata();
    if (kind != null) {
      builder
          .editMetadata()
          .addToOwnerReferences(
              new OwnerReferenceBuilder()
                  .withKind(kind)
                  .withName(name)
                  .withUid(uid)
                  .withController(controller)
                  .build())
          .endMetadata();
    }
    return builder.build();
  }
}
