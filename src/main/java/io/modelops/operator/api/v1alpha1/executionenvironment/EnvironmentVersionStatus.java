package io.modelops.operator.api.v1alpha1.executionenvironment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What the operator checked of one execution environment version's image reference. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EnvironmentVersionStatus {
  @JsonPropertyDescription("Version label.")
  private String label;

  @JsonPropertyDescription("The version's image, as written in spec.versions.")
  private String image;

  @JsonPropertyDescription(
      "Valid when the image parses as a container image reference"
          + " ([registry/]repository[:tag][@digest], lower-case repository, tag of at most 128"
          + " characters, sha256 digest of 64 hex digits); Invalid otherwise, with the reason in"
          + " message. The operator does not contact the registry: whether the image exists is"
          + " seen when a pod pulls it.")
  private ImageReferenceCheck imageReference;

  @JsonPropertyDescription("Why imageReference is Invalid, naming the field. Absent when Valid.")
  private String message;

  @JsonPropertyDescription(
      "The registry the image is pulled from (docker.io when the reference names none)."
          + " Absent when Invalid.")
  private String registry;

  @JsonPropertyDescription("The repository path of the image. Absent when Invalid.")
  private String repository;

  @JsonPropertyDescription("The tag of the image, absent when the reference has none.")
  private String tag;

  @JsonPropertyDescription("The digest of the image, absent when the reference has none.")
  private String digest;

  @JsonPropertyDescription(
      "True when the image is pinned by digest (the same bytes on every pull); false when only"
          + " a tag (or nothing, meaning latest) selects it, which the registry can move."
          + " Absent when Invalid.")
  private Boolean pinned;

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public ImageReferenceCheck getImageReference() {
    return imageReference;
  }

  public void setImageReference(ImageReferenceCheck imageReference) {
    this.imageReference = imageReference;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getRegistry() {
    return registry;
  }

  public void setRegistry(String registry) {
    this.registry = registry;
  }

  public String getRepository() {
    return repository;
  }

  public void setRepository(String repository) {
    this.repository = repository;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public String getDigest() {
    return digest;
  }

  public void setDigest(String digest) {
    this.digest = digest;
  }

  public Boolean getPinned() {
    return pinned;
  }

  public void setPinned(Boolean pinned) {
    this.pinned = pinned;
  }
}
