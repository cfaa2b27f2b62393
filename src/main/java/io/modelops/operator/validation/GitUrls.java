package io.modelops.operator.validation;

import io.modelops.operator.api.v1alpha1.common.CodeSource;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Which git URLs a code source may use. The CRD schema admits {@code https://} and {@code http://}
 * URLs of one shape (a host, an optional port and path, no password); plain http is then allowed
 * only to a host the platform names in the operator's {@code gitHttpHosts}, and refused otherwise
 * with {@code GitUrlNotAllowed}. The pod's credential helper asks the same question, so a token
 * never goes over http to a host the platform did not name.
 */
public final class GitUrls {
  private GitUrls() {}

  /** Whether the fetcher may reach {@code url}: https anywhere, http only to {@code httpHosts}. */
  public static boolean reachable(String url, Collection<String> httpHosts) {
    Optional<URI> uri = parse(url);
    if (uri.isEmpty()) {
      return false;
    }
    String scheme = uri.get().getScheme();
    if ("https".equals(scheme)) {
      return true;
    }
    String host = uri.get().getHost().toLowerCase(Locale.ROOT);
    return "http".equals(scheme)
        && httpHosts.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(host));
  }

  /** The problem of a git code source whose URL the platform does not let the fetcher reach. */
  public static Optional<Problem> check(
      String field, CodeSource code, Collection<String> httpHosts) {
    if (code == null || code.getGit() == null || code.getGit().getUrl() == null) {
      return Optional.empty();
    }
    String url = code.getGit().getUrl();
    if (reachable(url, httpHosts)) {
      return Optional.empty();
    }
    String host = parse(url).map(URI::getHost).orElse("this host");
    return Optional.of(
        Problem.of(
            Reasons.GIT_URL_NOT_ALLOWED,
            field
                + ".git.url: plain http to "
                + host
                + " is not allowed (operator setting gitHttpHosts names "
                + (httpHosts.isEmpty() ? "no host" : String.join(", ", httpHosts))
                + "); use an https:// URL"));
  }

  private static Optional<URI> parse(String url) {
    try {
      URI uri = new URI(url);
      return uri.getScheme() == null || uri.getHost() == null ? Optional.empty() : Optional.of(uri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
