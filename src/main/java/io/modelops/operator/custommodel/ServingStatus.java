package io.modelops.operator.custommodel;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelPhase;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModelStatus;
import io.modelops.operator.naming.ModelLabels;
import io.modelops.operator.reconcile.ErrorStatus;
import io.modelops.operator.status.Conditions;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CustomModel's status from what was planned and what is observed: Ready follows the pods that
 * serve now (not object creation), a rollout is Progressing, and Degraded carries the reason a user
 * can act on — a refused spec, or what the new version's pods report.
 */
public final class ServingStatus {
  private ServingStatus() {}

  /**
   * @param validation the model's validation (problems, target and latest version)
   * @param plan the plan, when the model is valid
   * @param deployments the model's Deployments as observed after the workflow ran
   * @param targetPods pods of the version being rolled out (for reasons)
   * @param servedVersion the version the Service routes to now, if any
   */
  public static CustomModelStatus compute(
      CustomModel model,
      CustomModelValidator.Validation validation,
      Optional<ServingPlan> plan,
      List<Deployment> deployments,
      List<Pod> targetPods,
      Optional<String> servedVersion,
      Clock clock) {
    CustomModelStatus old = model.getStatus();
    CustomModelStatus status = new CustomModelStatus();
    status.setObservedGeneration(model.getMetadata().getGeneration());
    status.setLatestVersion(validation.latestVersion().orElse(null));
    status.setDeploymentsCount(deployments.size());
    Conditions conditions = Conditions.after(old, model.getMetadata().getGeneration(), clock);
    validation
        .promotion()
        .ifPresent(
            v -> conditions.set(PromotionGate.PROMOTED, v.passed(), v.reason(), v.message()));

    Optional<Deployment> served =
        servedVersion.flatMap(
            v ->
                deployments.stream()
                    .filter(d -> v.equals(d.getMetadata().getLabels().get(ModelLabels.VERSION)))
                    .findFirst());
    // At least one available replica serves: fewer than asked is Degraded, not down.
    boolean serving = served.map(ServedReplicas::serves).orElse(false);
    ScaleStatus.report(status, model, served);
    // The name as written: a label value is shortened past 63 characters.
    Optional<String> servedName = served.map(ServingDeployments::versionName);
    served.ifPresent(
        d -> {
          status.setActiveVersion(servedName.get());
          status.setReadyReplicas(
              d.getStatus() == null || d.getStatus().getReadyReplicas() == null
                  ? 0
                  : d.getStatus().getReadyReplicas());
        });

    if (plan.isEmpty()) {
      List<Problem> problems = validation.problems();
      String reason = problems.get(0).reason();
      String message = problems.stream().map(Problem::message).collect(Collectors.joining("; "));
      if (!serving
          && (reason.equals(Reasons.NO_VALID_VERSION) || reason.equals(Reasons.TEST_REQUIRED))) {
        // Nothing to serve yet is a wait, not a fault: a version may still be validating, or
        // waiting for its test (promotion gate).
        status.setPhase(CustomModelPhase.LAUNCHING);
        conditions.set(Conditions.READY, false, reason, message);
        conditions.set(Conditions.PROGRESSING, true, reason, message);
        conditions.set(Conditions.DEGRADED, false, reason, message);
        old(status, old);
        status.setConditions(conditions.list());
        return status;
      }
      // A refused change leaves what is served untouched: still Ready if it serves.
      status.setPhase(serving ? CustomModelPhase.ACTIVE : CustomModelPhase.ERRORED);
      conditions.set(
          Conditions.READY,
          serving,
          serving ? Reasons.SERVING : reason,
          serving ? "version " + servedName.get() + " keeps serving; " + message : message);
      conditions.set(Conditions.PROGRESSING, false, reason, message);
      conditions.set(Conditions.DEGRADED, true, reason, message);
      old(status, old);
      status.setConditions(conditions.list());
      return status;
    }

    return served(status, plan.get(), deployments, targetPods, servedName, serving, conditions);
  }

  private static CustomModelStatus served(
      CustomModelStatus status,
      ServingPlan plan,
      List<Deployment> deployments,
      List<Pod> targetPods,
      Optional<String> servedName,
      boolean serving,
      Conditions conditions) {
    status.setEndpoint(plan.endpoint());
    status.setReplicas(plan.replicas());
    Optional<Problem> podProblem = ServedPodProblems.of(targetPods);
    Optional<Deployment> target =
        deployments.stream()
            .filter(d -> d.getMetadata().getName().equals(plan.deploymentName()))
            .findFirst();
    boolean targetAvailable = target.map(ServingPlanner::isAvailable).orElse(false);

    if (plan.replicas() == 0) {
      status.setPhase(CustomModelPhase.INACTIVE);
      status.setActiveVersion(plan.target());
      status.setReadyReplicas(0);
      conditions.set(
          Conditions.READY,
          false,
          Reasons.SERVING_DISABLED,
          "serving.enabled is false: version " + plan.target() + " is scaled to 0 replicas");
      conditions.set(
          Conditions.PROGRESSING, false, Reasons.SERVING_DISABLED, "nothing to roll out");
      conditions.set(Conditions.DEGRADED, false, Reasons.SERVING_DISABLED, "serving is disabled");
    } else if (targetAvailable && plan.cutsOver()) {
      // The Service has just moved; the previous version's Deployment goes in the next pass.
      String previous =
          deployments.stream()
              .filter(d -> plan.kept().contains(d.getMetadata().getName()))
              .map(ServingDeployments::versionName)
              .findFirst()
              .orElse("the previous version");
      status.setPhase(CustomModelPhase.REPLACING_MODEL);
      conditions.set(Conditions.READY, true, Reasons.SERVING, serves(plan, status));
      conditions.set(
          Conditions.PROGRESSING,
          true,
          Reasons.REPLACING_MODEL,
          "version "
              + plan.target()
              + " took over from "
              + previous
              + "; the Deployment of "
              + previous
              + " is removed next");
      conditions.set(Conditions.DEGRADED, false, Reasons.SERVING, "all replicas are available");
    } else if (targetAvailable && !plan.replacing()) {
      status.setPhase(CustomModelPhase.ACTIVE);
      conditions.set(Conditions.READY, true, Reasons.SERVING, serves(plan, status));
      conditions.set(
          Conditions.PROGRESSING,
          false,
          Reasons.ROLLOUT_COMPLETE,
          "version " + plan.target() + " is rolled out");
      conditions.set(Conditions.DEGRADED, false, Reasons.SERVING, "all replicas are available");
    } else if (!plan.replacing()
        && target.map(ServedReplicas::serves).orElse(false)
        && servedName.map(plan.target()::equals).orElse(false)) {
      // The served version runs short of replicas: it serves, and says why the rest are missing.
      status.setPhase(CustomModelPhase.ACTIVE);
      int available = ServedReplicas.available(target.get());
      String serves =
          "version "
              + plan.target()
              + " serves "
              + available
              + "/"
              + plan.replicas()
              + " replicas at "
              + plan.endpoint();
      conditions.set(Conditions.READY, true, Reasons.SERVING, serves);
      Optional<Problem> shortfall =
          ServedReplicas.shortfall(target.get(), plan.replicas(), podProblem);
      String waiting = available + " of " + plan.replicas() + " replicas available";
      conditions.set(
          Conditions.PROGRESSING,
          true,
          Reasons.ROLLING_OUT,
          "version " + plan.target() + " is scaling to " + plan.replicas() + " (" + waiting + ")");
      conditions.set(
          Conditions.DEGRADED,
          shortfall.isPresent(),
          shortfall.map(Problem::reason).orElse(Reasons.ROLLING_OUT),
          shortfall.map(Problem::message).orElse(waiting));
    } else {
      boolean replacing = plan.replacing() && serving;
      status.setPhase(
          replacing
              ? CustomModelPhase.REPLACING_MODEL
              : podProblem.isPresent() ? CustomModelPhase.ERRORED : CustomModelPhase.LAUNCHING);
      String rollout =
          "version "
              + plan.target()
              + " is rolling out ("
              + target
                  .map(
                      d ->
                          d.getStatus() == null || d.getStatus().getAvailableReplicas() == null
                              ? 0
                              : d.getStatus().getAvailableReplicas())
                  .orElse(0)
              + "/"
              + plan.replicas()
              + " available)";
      if (replacing) {
        conditions.set(
            Conditions.READY,
            true,
            Reasons.SERVING,
            "version " + servedName.get() + " keeps serving while " + rollout);
      } else if (serving) {
        conditions.set(
            Conditions.READY,
            true,
            Reasons.SERVING,
            "version " + plan.target() + " serves while its rollout continues");
      } else {
        conditions.set(
            Conditions.READY,
            false,
            podProblem.map(Problem::reason).orElse(Reasons.LAUNCHING),
            podProblem.map(Problem::message).orElse(rollout));
      }
      conditions.set(
          Conditions.PROGRESSING,
          true,
          replacing ? Reasons.REPLACING_MODEL : Reasons.ROLLING_OUT,
          rollout);
      conditions.set(
          Conditions.DEGRADED,
          podProblem.isPresent(),
          podProblem.map(Problem::reason).orElse(Reasons.ROLLING_OUT),
          podProblem.map(Problem::message).orElse(rollout));
    }
    status.setConditions(conditions.list());
    return status;
  }

  private static String serves(ServingPlan plan, CustomModelStatus status) {
    return "version "
        + plan.target()
        + " serves "
        + status.getReadyReplicas()
        + "/"
        + plan.replicas()
        + " replicas at "
        + plan.endpoint();
  }

  /**
   * After a failed reconcile: Ready as the caches show it now (the version the Service routes to
   * serves, or nothing does), so it never keeps a reason from before the failure.
   */
  static void servingNow(
      CustomModelStatus status,
      Conditions conditions,
      List<Deployment> deployments,
      Optional<Service> service) {
    Optional<String> routed =
        service.map(s -> s.getSpec().getSelector()).map(s -> s.get(ModelLabels.VERSION));
    Optional<Deployment> served =
        routed.flatMap(
            v ->
                deployments.stream()
                    .filter(d -> v.equals(d.getMetadata().getLabels().get(ModelLabels.VERSION)))
                    .filter(ServedReplicas::serves)
                    .findFirst());
    if (served.isPresent()) {
      String name = ServingDeployments.versionName(served.get());
      int ready = Optional.ofNullable(served.get().getStatus().getReadyReplicas()).orElse(0);
      status.setActiveVersion(name);
      status.setReadyReplicas(ready);
      status.setPhase(CustomModelPhase.ACTIVE);
      conditions.set(
          Conditions.READY,
          true,
          Reasons.SERVING,
          "version " + name + " serves " + ready + " replicas; the last change is not applied yet");
    } else {
      status.setReadyReplicas(0);
      conditions.set(
          Conditions.READY,
          false,
          ErrorStatus.REASON,
          "no version serves yet: the operator could not reconcile this CustomModel and will retry");
    }
  }

  /** Keeps what only a successful plan can know (endpoint, replicas) from the last status. */
  private static void old(CustomModelStatus status, CustomModelStatus old) {
    if (old != null) {
      status.setEndpoint(old.getEndpoint());
      status.setReplicas(old.getReplicas());
    }
  }
}
