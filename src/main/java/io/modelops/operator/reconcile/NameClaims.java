package io.modelops.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before any owned object is created or applied, that each name the operator wants is free
 * or already taken by an object this resource controls. An object of that name that something else
 * controls (another resource, or nothing: say a tenant created it by hand) is a {@link
 * Reasons#NAME_CONFLICT}: the operator leaves it alone instead of taking it over with a server-side
 * apply or failing on it forever, and creates none of the resource's objects.
 *
 * <p>The check costs no API call for names whose object is already in the informer caches as this
 * resource's; it reads the one name from the API server only while this resource does not own it
 * yet (before the first creation, and while a conflict lasts).
 */
public final class NameClaims {
  /**
   * How often a resource in conflict looks again: the other object may be deleted without an event
   * the operator sees (it is not in the operator's caches).
   */
  public static final Duration RECHECK = Duration.ofSeconds(30);

  private NameClaims() {}

  /**
   * A name a resource wants for an owned object.
   *
   * @param type the object's class
   * @param name the object's name, in the owner's namespace
   * @param from what the name derives from, for the user to rename (e.g. "CustomModelVersion v2")
   */
  public record Claim(Class<? extends HasMetadata> type, String name, String from) {
    String kind() {
      return HasMetadata.getKind(type);
    }
  }

  /**
   * The first claim of {@code owner} that another object holds, as a problem naming that object and
   * its owner.
   *
   * @param owned the objects the informers already know as {@code owner}'s
   */
  public static Optional<Problem> conflict(
      HasMetadata owner,
      List<Claim> claims,
      Collection<? extends HasMetadata> owned,
      KubernetesClient client) {
    String namespace = owner.getMetadata().getNamespace();
    for (Claim claim : claims) {
      boolean ours =
          owned.stream()
              .anyMatch(
                  o ->
                      claim.type().isInstance(o)
                          && claim.name().equals(o.getMetadata().getName())
                          && controlledBy(o, owner));
      if (ours) {
        continue;
      }
      HasMetadata existing =
          client.resources(claim.type()).inNamespace(namespace).withName(claim.name()).get();
      Optional<Problem> problem = conflict(owner, claim, existing);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** The problem when {@code existing} (null: none) holds {@code claim} for another owner. */
  static Optional<Problem> conflict(HasMetadata owner, Claim claim, HasMetadata existing) {
    if (existing == null || controlledBy(existing, owner)) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.of(
            Reasons.NAME_CONFLICT,
            claim.kind()
                + " "
                + claim.name()
                + " already exists and "
                + holder(existing)
                + ", so the operator leaves it alone and creates or changes nothing for this "
                + owner.getKind()
                + ". Rename "
                + claim.from()
                + " or remove that "
                + claim.kind()
                + "."));
  }

  /** Every object of these kinds that the controller's informers know as the resource's. */
  @SafeVarargs
  public static List<HasMetadata> known(Context<?> context, Class<? extends HasMetadata>... kinds) {
    List<HasMetadata> known = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : kinds) {
      known.addAll(context.getSecondaryResources(kind));
    }
    return known;
  }

  /** Whether {@code owned} has {@code owner} as its controller (same uid). */
  public static boolean controlledBy(HasMetadata owned, HasMetadata owner) {
    return controller(owned)
        .map(r -> r.getUid() != null && r.getUid().equals(owner.getMetadata().getUid()))
        .orElse(false);
  }

  private static Optional<OwnerReference> controller(HasMetadata object) {
    List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
    return refs == null
        ? Optional.empty()
        : refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
  }

  private static String holder(HasMetadata existing) {
    Optional<OwnerReference> controller = controller(existing);
    if (controller.isPresent()) {
      return "is controlled by " + controller.get().getKind() + " " + controller.get().getName();
    }
    List<OwnerReference> refs = existing.getMetadata().getOwnerReferences();
    if (refs != null && !refs.isEmpty()) {
      return "is owned by " + refs.get(0).getKind() + " " + refs.get(0).getName();
    }
    return "has no owner";
  }
}
