package io.modelops.operator.custommodel;

import static io.modelops.operator.custommodel.ServingFixtures.deployment;
import static io.modelops.operator.custommodel.ServingFixtures.model;
import static io.modelops.operator.custommodel.ServingFixtures.observed;
import static io.modelops.operator.custommodel.ServingFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.ManagedWorkflowAndDependentResourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * During a blue/green switch the previous version's Deployment is not desired (only the target's
 * is), and the bulk dependent leaves it alone instead of deleting it.
 */
class ServingDeploymentsDeleteTest {
  @Test
  void onlyTheTargetIsDesiredAndTheKeptDeploymentIsNotDeleted() {
    var model = model("");
    var v1 = deployment("v1", 1, 1);
    var plan =
        ServingFixtures.plan(
            model,
            observed(
                List.of(version("v1", 1), version("v2", 2)),
                List.of(v1, deployment("v2", 1, 0)),
                Optional.of("v1")));
    var context = contextHolding(plan);
    var dependent = new ServingDeployments();

    assertThat(dependent.desiredResources(model, context))
        .containsOnlyKeys(new ResourceID("v2", "team-a"));
    // A delete would need the client, which this context does not have: returning proves it
    // was skipped.
    dependent.deleteTargetResource(model, v1, ResourceID.fromResource(v1), context);
  }

  @SuppressWarnings("unchecked")
  private static Context<CustomModel> contextHolding(ServingPlan plan) {
    var workflow =
        (ManagedWorkflowAndDependentResourceContext)
            Proxy.newProxyInstance(
                ServingDeploymentsDeleteTest.class.getClassLoader(),
                new Class<?>[] {ManagedWorkflowAndDependentResourceContext.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "get" -> Optional.of(plan);
                      case "getMandatory" -> plan;
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return (Context<CustomModel>)
        Proxy.newProxyInstance(
            ServingDeploymentsDeleteTest.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) -> {
              if (method.getName().equals("managedWorkflowAndDependentResourceContext")) {
                return workflow;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
