package io.modelops.operator.executionenvironment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
  private static final String SHA256 =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        // image,                                registry,         repository,            tag,
        //   pinned
        "python:3.11-slim,                       docker.io,        python,                3.11-slim,   false",
        "python,                                 docker.io,        python,                -,           false",
        "rocker/r-ver:4.4.1,                     docker.io,        rocker/r-ver,          4.4.1,       false",
        "ghcr.io/acme/models/scorer:v2,          ghcr.io,          acme/models/scorer,    v2,          false",
        "localhost:5000/team/img,                localhost:5000,   team/img,              -,           false",
        "localhost/img:1,                        localhost,        img,                   1,           false",
        "registry.example.com:443/a__b/c-d.e:x_Y, registry.example.com:443, a__b/c-d.e, x_Y,         false",
        "python:3.11@"
            + SHA256
            + ",             docker.io,        python,                3.11,        true",
        "ghcr.io/acme/img@"
            + SHA256
            + ",        ghcr.io,          acme/img,              -,           true",
      })
  void parsesReferencesAsAContainerRuntimeReadsThem(
      String image, String registry, String repository, String tag, boolean pinned) {
    ImageReference.Parsed parsed = ImageReference.parse(image);
    assertThat(parsed.problem()).isEmpty();
    ImageReference ref = parsed.reference().orElseThrow();
    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tag()).isEqualTo(Optional.ofNullable(tag));
    assertThat(ref.pinned()).isEqualTo(pinned);
    assertThat(ref.digest().isPresent()).isEqualTo(pinned);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Python:3.11                         | repository \"Python\"",
        "acme/My-Model:1                     | repository \"acme/My-Model\"",
        "python:                             | tag \"\"",
        "python:-bad                         | tag \"-bad\"",
        "python:3.11@sha256:abc              | digest \"sha256:abc\"",
        "python@sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF | sha256 digest has 64",
        "python@sha256:0123456789abcdef0123456789abcdef | sha256 digest has 64",
        "ex_ample.com/img                    | registry \"ex_ample.com\"",
        "example.com:http/img                | port that is not a number",
        "acme//img                           | repository \"acme//img\"",
        "img.                                | repository \"img.\"",
      })
  void refusesWhatANodeCouldNotPullAndSaysWhy(String image, String problem) {
    ImageReference.Parsed parsed = ImageReference.parse(image);
    assertThat(parsed.reference()).isEmpty();
    assertThat(parsed.problem()).hasValueSatisfying(p -> assertThat(p).contains(problem));
  }

  @ParameterizedTest
  @CsvSource({"''", "'a:'"})
  void neverThrows(String image) {
    assertThat(ImageReference.parse(image).problem()).isPresent();
  }
}
