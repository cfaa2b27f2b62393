package io.modelops.operator.pod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the git fetcher's script and credential helper with this machine's git and sh, on the
 * environment kubelet would give the init container, against a local repository.
 */
class GitFetchScriptTest {
  @TempDir static Path dir;
  static Path origin;
  static String commit;

  record Run(int exitCode, String output) {}

  @BeforeAll
  static void createOrigin() throws Exception {
    assertThat(run(List.of("git", "--version"), Map.of(), "").exitCode())
        .as("git is needed to test the git fetcher")
        .isZero();
    origin = dir.resolve("origin");
    Path script = origin.resolve("models/churn/start_server.sh");
    Files.createDirectories(script.getParent());
    Files.writeString(script, "#!/bin/sh\necho serving\n");
    script.toFile().setExecutable(true);
    git(origin, "init", "-q", "-b", "main");
    git(origin, "add", ".");
    git(origin, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "code");
    git(origin, "tag", "v2");
    commit = git(origin, "rev-parse", "HEAD").output().strip();
  }

  @Test
  void fetchesABranchATagAndACommit() throws Exception {
    for (String ref : List.of("main", "v2", commit)) {
      Path workspace = Files.createTempDirectory(dir, "workspace");
      Run fetch = fetch(ref, "models/churn", workspace);

      assertThat(fetch.exitCode()).as(fetch.output()).isZero();
      Path entryPoint = workspace.resolve("repo/models/churn/start_server.sh");
      assertThat(entryPoint).exists();
      assertThat(Files.isExecutable(entryPoint)).as("the executable bit survives").isTrue();
    }
  }

  @Test
  void failsNamingAPathThatIsNotInTheCommit() throws Exception {
    Run fetch = fetch("main", "models/missing", Files.createTempDirectory(dir, "workspace"));

    assertThat(fetch.exitCode()).isNotZero();
    assertThat(fetch.output()).contains("path 'models/missing' not found");
  }

  @Test
  void aRefOrUrlThatReadsAsAnOptionIsFetchedAsARefNeverRunAsOne() throws Exception {
    // The schema refuses both; the script must not depend on it.
    Path marker = dir.resolve("upload-pack-ran");
    Run ref =
        fetch(
            "--upload-pack=touch " + marker + "; git-upload-pack",
            "",
            Files.createTempDirectory(dir, "workspace"));

    assertThat(ref.exitCode()).isNotZero();
    assertThat(ref.output()).contains("invalid refspec '--upload-pack=");
    assertThat(marker).doesNotExist();

    var code = new CodeOrigin.GitCode("--mirror=push", "main", "", Optional.empty());
    Container fetcher = Workloads.init(Workloads.model().code(code));
    Map<String, String> env = new HashMap<>(KubeletEnvironment.resolve(fetcher, Map.of()));
    Path workspace = Files.createTempDirectory(dir, "workspace");
    env.put("MODELOPS_GIT_CHECKOUT", workspace.resolve("repo").toString());
    Run url = run(KubeletEnvironment.command(fetcher, env), isolated(env), "");

    assertThat(url.exitCode()).isNotZero();
    assertThat(git(workspace.resolve("repo"), "config", "remote.origin.url").output().strip())
        .as("the option-like URL is the remote's URL, not a --mirror option")
        .isEqualTo("--mirror=push");
  }

  @Test
  void everyGitCommandTakingTenantInputEndsItsOptionsFirst() {
    assertThat(CodeMount.GIT_FETCH_SCRIPT)
        .contains("git remote add --end-of-options origin \"$MODELOPS_GIT_URL\"")
        .contains("git fetch -q --depth 1 --end-of-options origin \"$MODELOPS_GIT_REF\"");
  }

  @Test
  void credentialHelperAnswersWithTheTokenAndADefaultUserName() throws Exception {
    Run fill = credentialFill("https://git.example.com/team/models.git");

    assertThat(fill.exitCode()).as(fill.output()).isZero();
    assertThat(fill.output()).contains("username=x-access-token\n", "password=s3cr$t\n");
  }

  @Test
  void credentialHelperKeepsTheUserNameFromTheUrl() throws Exception {
    Run fill = credentialFill("https://bob@git.example.com/team/models.git");

    assertThat(fill.output())
        .contains("username=bob\n", "password=s3cr$t\n")
        .doesNotContain("x-access-token");
  }

  @Test
  void credentialHelperGivesNothingToAnotherHost() throws Exception {
    Run fill =
        credentialFill(
            "https://git.example.com/team/models.git", "https://evil.example.net/team/models.git");

    assertThat(fill.output()).doesNotContain("s3cr$t").doesNotContain("password=");
    assertThat(fill.exitCode()).isNotZero();
  }

  @Test
  void credentialHelperGivesNothingOverHttpOrToAnotherPort() throws Exception {
    for (String asked :
        List.of(
            "http://git.example.com/team/models.git",
            "https://git.example.com:8443/team/models.git")) {
      Run fill = credentialFill("https://git.example.com/team/models.git", asked);

      assertThat(fill.output()).as(asked).doesNotContain("s3cr$t");
    }
  }

  @Test
  void theHelperItselfRefusesAnotherHostEvenIfGitAskedItAnyway() throws Exception {
    var code =
        new CodeOrigin.GitCode(
            "https://git.example.com/m.git",
            "main",
            "",
            Optional.of(new SecretKey("git", "token")));
    Container fetcher = Workloads.init(Workloads.model().code(code));
    Map<String, String> env =
        new HashMap<>(
            KubeletEnvironment.resolve(fetcher, Map.of("git", Map.of("token", "s3cr$t"))));
    // Unscoped: git consults the helper for every host; the helper must still say nothing.
    env.put("GIT_CONFIG_KEY_0", "credential.helper");

    Run other =
        run(
            List.of("git", "credential", "fill"),
            isolated(env),
            "url=https://evil.example.net/x.git\n\n");
    Run own =
        run(
            List.of("git", "credential", "fill"),
            isolated(env),
            "url=https://git.example.com/x.git\n\n");

    assertThat(other.output()).doesNotContain("s3cr$t");
    assertThat(own.output()).contains("password=s3cr$t");
  }

  @Test
  void aPlainHttpUrlGetsNoTokenUnlessTheOperatorAllowsItsHost() throws Exception {
    var code =
        new CodeOrigin.GitCode(
            "http://git.example.com/m.git", "main", "", Optional.of(new SecretKey("git", "t")));

    Container refused = Workloads.init(Workloads.model().code(code));
    Container allowed =
        Workloads.init(
            Workloads.model()
                .code(code)
                .operatorSettings(
                    new OperatorPodSettings(
                        "git:1",
                        java.util.Set.of("git.example.com"),
                        io.modelops.operator.config.WorkloadStorage.defaults())));

    assertThat(refused.getEnv())
        .extracting(e -> e.getName())
        .doesNotContain("MODELOPS_GIT_PASSWORD", "GIT_CONFIG_KEY_0");
    assertThat(allowed.getEnv())
        .filteredOn(e -> e.getName().equals("GIT_CONFIG_KEY_0"))
        .singleElement()
        .satisfies(
            e -> assertThat(e.getValue()).isEqualTo("credential.http://git.example.com.helper"));
  }

  @Test
  void aRedirectToAnotherHostNeverReceivesTheToken() throws Exception {
    List<String> otherHostAuthorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> ownHostAuthorizations = new java.util.concurrent.CopyOnWriteArrayList<>();
    var other = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(0), 0);
    other.createContext(
        "/",
        exchange -> {
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          if (auth != null) {
            otherHostAuthorizations.add(auth);
          }
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"other\"");
          exchange.sendResponseHeaders(401, -1);
          exchange.close();
        });
    other.start();
    var own = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(0), 0);
    own.createContext(
        "/redirected.git",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          exchange
              .getResponseHeaders()
              .add(
                  "Location",
                  "http://localhost:"
                      + other.getAddress().getPort()
                      + exchange.getRequestURI().getPath()
                      + (query == null ? "" : "?" + query));
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    own.createContext(
        "/private.git",
        exchange -> {
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          if (auth != null) {
            ownHostAuthorizations.add(auth);
          }
          exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"own\"");
          exchange.sendResponseHeaders(auth == null ? 401 : 404, -1);
          exchange.close();
        });
    own.start();
    try {
      String base = "http://127.0.0.1:" + own.getAddress().getPort();
      var settings =
          new OperatorPodSettings(
              "git:1",
              java.util.Set.of("127.0.0.1"),
              io.modelops.operator.config.WorkloadStorage.defaults());

      Run redirected = fetchWithToken(base + "/redirected.git", settings);
      Run direct = fetchWithToken(base + "/private.git", settings);

      assertThat(redirected.exitCode()).isNotZero();
      assertThat(otherHostAuthorizations).as("the other host got no credentials").isEmpty();
      // The control: the URL's own host does get the token, so the first assertion means something.
      assertThat(direct.exitCode()).isNotZero();
      assertThat(ownHostAuthorizations)
          .contains(
              "Basic "
                  + java.util.Base64.getEncoder()
                      .encodeToString("x-access-token:s3cr$t".getBytes(StandardCharsets.UTF_8)));
    } finally {
      own.stop(0);
      other.stop(0);
    }
  }

  private static Run fetchWithToken(String url, OperatorPodSettings settings) throws Exception {
    var code = new CodeOrigin.GitCode(url, "main", "", Optional.of(new SecretKey("git", "token")));
    Container fetcher = Workloads.init(Workloads.model().code(code).operatorSettings(settings));
    Map<String, String> env =
        new HashMap<>(
            KubeletEnvironment.resolve(fetcher, Map.of("git", Map.of("token", "s3cr$t"))));
    env.put(
        "MODELOPS_GIT_CHECKOUT",
        Files.createTempDirectory(dir, "workspace").resolve("repo").toString());
    return run(KubeletEnvironment.command(fetcher, env), isolated(env), "");
  }

  private static Run fetch(String ref, String path, Path workspace) throws Exception {
    var code = new CodeOrigin.GitCode(origin.toUri().toString(), ref, path, Optional.empty());
    Container fetcher = Workloads.init(Workloads.model().code(code));
    Map<String, String> env = new HashMap<>(KubeletEnvironment.resolve(fetcher, Map.of()));
    // The emptyDir the container would see at /workspace.
    env.put("MODELOPS_GIT_CHECKOUT", workspace.resolve("repo").toString());
    List<String> command = KubeletEnvironment.command(fetcher, env);
    return run(command, isolated(env), "");
  }

  private static Run credentialFill(String url) throws Exception {
    return credentialFill(url, url);
  }

  /** What git's credential fill answers for {@code asked} in the fetcher of {@code url}. */
  private static Run credentialFill(String url, String asked) throws Exception {
    var code = new CodeOrigin.GitCode(url, "main", "", Optional.of(new SecretKey("git", "token")));
    Container fetcher = Workloads.init(Workloads.model().code(code));
    Map<String, String> env =
        KubeletEnvironment.resolve(fetcher, Map.of("git", Map.of("token", "s3cr$t")));
    return run(List.of("git", "credential", "fill"), isolated(env), "url=" + asked + "\n\n");
  }

  /** The container's environment plus PATH, with this machine's git configuration ignored. */
  private static Map<String, String> isolated(Map<String, String> env) {
    Map<String, String> isolated = new HashMap<>(env);
    isolated.put("PATH", System.getenv("PATH"));
    isolated.put("HOME", dir.toString());
    isolated.put("GIT_CONFIG_NOSYSTEM", "1");
    return isolated;
  }

  private static Run git(Path repo, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Run run = run(command, Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString()), "");
    assertThat(run.exitCode()).as(run.output()).isZero();
    return run;
  }

  private static Run run(List<String> command, Map<String, String> env, String input)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return new Run(127, e.getMessage());
    }
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
