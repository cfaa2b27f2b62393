package io.modelops.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.api.v1alpha1.common.CodeSource;
import io.modelops.operator.api.v1alpha1.common.GitSource;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitUrlsTest {
  private static CodeSource git(String url) {
    GitSource git = new GitSource();
    git.setUrl(url);
    CodeSource code = new CodeSource();
    code.setGit(git);
    return code;
  }

  @Test
  void httpsReachesAnyHostAndHttpOnlyTheHostsThePlatformNames() {
    List<String> hosts = List.of("git.internal");

    assertThat(GitUrls.reachable("https://github.com/acme/models.git", List.of())).isTrue();
    assertThat(GitUrls.reachable("http://git.internal/acme/models.git", hosts)).isTrue();
    assertThat(GitUrls.reachable("http://GIT.internal:8080/acme/models.git", hosts)).isTrue();
    assertThat(GitUrls.reachable("http://git.internal.evil.example/models.git", hosts)).isFalse();
    assertThat(GitUrls.reachable("http://github.com/acme/models.git", hosts)).isFalse();
    assertThat(GitUrls.reachable("http://git.internal/acme/models.git", List.of())).isFalse();
    assertThat(GitUrls.reachable("ftp://git.internal/models.git", hosts)).isFalse();
  }

  @Test
  void plainHttpToAnotherHostIsRefusedNamingTheFieldAndTheSetting() {
    assertThat(
            GitUrls.check(
                "spec.code", git("http://github.com/acme/models.git"), List.of("git.internal")))
        .contains(
            Problem.of(
                Reasons.GIT_URL_NOT_ALLOWED,
                "spec.code.git.url: plain http to github.com is not allowed (operator setting"
                    + " gitHttpHosts names git.internal); use an https:// URL"));
    assertThat(GitUrls.check("spec.code", git("http://git.internal/m.git"), List.of()))
        .get()
        .extracting(Problem::message)
        .asString()
        .contains("gitHttpHosts names no host");
  }

  @Test
  void codeThatIsNotGitOrIsOverHttpsHasNoProblem() {
    assertThat(GitUrls.check("spec.code", git("https://github.com/a/b.git"), List.of())).isEmpty();
    assertThat(GitUrls.check("spec.code", new CodeSource(), List.of())).isEmpty();
    assertThat(GitUrls.check("spec.code", null, List.of())).isEmpty();
  }
}
