package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Code cloned from a git repository by an init container. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GitSource {
  @Required
  @Size(max = 2048)
  @ValidationRule(
      value = "self.startsWith('https://') || self.startsWith('http://')",
      message =
          "git.url must be an https:// URL (http:// only to a host the operator's gitHttpHosts"
              + " names)",
      reason = "FieldValueInvalid")
  @ValidationRule(
      value = "!self.matches('^[a-z]+://[^/@]*:[^/@]*@')",
      message = "git.url must not carry a password: name the token's Secret in git.secretRef",
      reason = "FieldValueForbidden")
  // A token written as the user name: the formats GitHub and GitLab give their tokens.
  @ValidationRule(
      value =
          "!self.matches('^[a-z]+://(gh[pousr]_|github_pat_|glpat-|gldt-|glptt-|glrt-)[^/@]*@')",
      message =
          "git.url must not carry a token as its user name: name the token's Secret in"
              + " git.secretRef",
      reason = "FieldValueForbidden")
  @Pattern(Formats.GIT_URL)
  @JsonPropertyDescription(
      "Repository URL: https://host/path, optionally https://user@host/path (the token's user"
          + " name). Never a password: the token comes from secretRef. http:// only to a host"
          + " the operator's gitHttpHosts names (refused with GitUrlNotAllowed otherwise).")
  private String url;

  @Size(max = 255)
  @Pattern(Formats.GIT_REF)
  @JsonPropertyDescription(
      "Branch, tag or commit to check out; it never starts with \"-\". Default: the remote's"
          + " HEAD.")
  private String ref;

  @Size(max = 1024)
  @Pattern(Formats.RELATIVE_PATH)
  @JsonPropertyDescription(
      "Directory inside the repository that holds the code, relative, without \".\" or \"..\""
          + " segments. Default (when absent): the repository's root.")
  private String path;

  @JsonPropertyDescription(
      "Secret holding an access token for a private repository (key: secretRef.key, default"
          + " token), used as the HTTPS password with the user name of the URL, else"
          + " x-access-token. Only the clone init container gets it, through a git credential"
          + " helper.")
  private SecretRef secretRef;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public SecretRef getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(SecretRef secretRef) {
    this.secretRef = secretRef;
  }
}
