package io.modelops.operator.executionenvironment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference taken apart as a container runtime reads it: {@code
 * [registry/]repository[:tag][@digest]}. The CRD pattern only admits the characters a reference may
 * use; this is the full grammar (lower-case repository path, tag of at most 128 characters, digest
 * {@code algorithm:hex} with 64 hex digits for sha256), so an ExecutionEnvironment can say which of
 * its images a node would refuse to pull, and which are pinned by digest.
 *
 * @param registry the registry host[:port], or {@code docker.io} when the reference names none
 * @param repository the repository path as written (no {@code library/} added)
 * @param tag the tag, empty when the reference has none
 * @param digest the digest, empty when the reference has none
 */
public record ImageReference(
    String registry, String repository, Optional<String> tag, Optional<String> digest) {
  /** The registry a reference without a host pulls from. */
  public static final String DEFAULT_REGISTRY = "docker.io";

  private static final int MAX_NAME_LENGTH = 255;
  private static final Pattern HOST_COMPONENT =
      Pattern.compile("[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]");
  private static final Pattern PORT = Pattern.compile("[0-9]+");
  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("([A-Za-z][A-Za-z0-9]*(?:[+._-][A-Za-z][A-Za-z0-9]*)*):([0-9a-fA-F]{32,})");

  /** A reference is pinned when it names a digest: the same bytes run wherever it is pulled. */
  public boolean pinned() {
    return digest.isPresent();
  }

  /** A parsed reference, or why {@code image} is not one (a phrase, without the image). */
  public record Parsed(Optional<ImageReference> reference, Optional<String> problem) {
    static Parsed invalid(String problem) {
      return new Parsed(Optional.empty(), Optional.of(problem));
    }
  }

  /** Parses {@code image}; never throws. */
  public static Parsed parse(String image) {
    if (image == null || image.isEmpty()) {
      return Parsed.invalid("the image is empty");
    }
    String rest = image;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      String d = rest.substring(at + 1);
      Matcher m = DIGEST.matcher(d);
      if (!m.matches()) {
        return Parsed.invalid("digest \"" + d + "\" is not algorithm:hex");
      }
      String problem = digestLength(m.group(1), m.group(2));
      if (problem != null) {
        return Parsed.invalid(problem);
      }
      digest = Optional.of(d);
      rest = rest.substring(0, at);
    }
    Optional<String> tag = Optional.empty();
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      String t = rest.substring(colon + 1);
      if (!TAG.matcher(t).matches()) {
        return Parsed.invalid(
            "tag \""
                + t
                + "\" is not 1..128 letters, digits, '_', '.' or '-'"
                + " starting with a letter, digit or '_'");
      }
      tag = Optional.of(t);
      rest = rest.substring(0, colon);
    }
    if (rest.isEmpty()) {
      return Parsed.invalid("the repository is missing");
    }
    if (rest.length() > MAX_NAME_LENGTH) {
      return Parsed.invalid("the name is longer than " + MAX_NAME_LENGTH + " characters");
    }
    String registry = DEFAULT_REGISTRY;
    String repository = rest;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      String first = rest.substring(0, slash);
      // As container runtimes decide: a first component with '.' or ':', or localhost, is a host.
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        String problem = hostProblem(first);
        if (problem != null) {
          return Parsed.invalid(problem);
        }
        registry = first;
        repository = rest.substring(slash + 1);
      }
    }
    for (String component : repository.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(component).matches()) {
        return Parsed.invalid(
            "repository \""
                + repository
                + "\" is not lower-case path"
                + " components of letters and digits separated by '.', '_', '__' or '-'");
      }
    }
    return new Parsed(
        Optional.of(new ImageReference(registry, repository, tag, digest)), Optional.empty());
  }

  private static String digestLength(String algorithm, String hex) {
    int expected =
        switch (algorithm) {
          case "sha256" -> 64;
          case "sha512" -> 128;
          default -> -1;
        };
    if (expected > 0 && (hex.length() != expected || !hex.equals(hex.toLowerCase()))) {
      return "a " + algorithm + " digest has " + expected + " lower-case hex digits";
    }
    return null;
  }

  private static String hostProblem(String host) {
    String name = host;
    int colon = host.lastIndexOf(':');
    if (colon >= 0) {
      if (!PORT.matcher(host.substring(colon + 1)).matches()) {
        return "registry \"" + host + "\" has a port that is not a number";
      }
      name = host.substring(0, colon);
    }
    for (String component : name.split("\\.", -1)) {
      if (!HOST_COMPONENT.matcher(component).matches()) {
        return "registry \"" + host + "\" is not a host name";
      }
    }
    return null;
  }
}
