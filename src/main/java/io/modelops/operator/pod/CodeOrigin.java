package io.modelops.operator.pod;

import static io.modelops.operator.pod.InputChecks.relativePath;
import static io.modelops.operator.pod.InputChecks.requireText;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the model's or job's code comes from; whichever it is, the main container sees it read-only
 * at {@code /opt/code}.
 */
public sealed interface CodeOrigin {

  /**
   * A ConfigMap whose keys become the files of the code directory. The volume's defaultMode is
   * 0555, so every file, the entry point included, is executable.
   *
   * @param name the ConfigMap's name
   */
  record ConfigMapCode(String name) implements CodeOrigin {
    public ConfigMapCode {
      requireText(name, "code ConfigMap name");
    }
  }

  /**
   * A git repository, cloned by an init container from the operator's git fetcher image.
   *
   * @param url an HTTPS (or other git-supported) URL; a user name in the URL is used as is
   * @param ref a branch, a tag or a full commit SHA (abbreviated SHAs cannot be fetched)
   * @param path the directory inside the repository that becomes {@code /opt/code}; "" for the
   *     repository's root
   * @param credentials the Secret key holding a token or password for HTTPS, if the repository is
   *     private
   */
  record GitCode(String url, String ref, String path, Optional<SecretKey> credentials)
      implements CodeOrigin {
    public GitCode {
      requireText(url, "git url");
      requireText(ref, "git ref");
      path = relativePath(path, "git path");
      Objects.requireNonNull(credentials, "git credentials");
    }
  }

  /**
   * An OCI image whose {@code /code} directory holds the code, copied out by an init container that
   * runs that image.
   *
   * @param image the code image reference
   */
  record ImageCode(String image) implements CodeOrigin {
    public ImageCode {
      requireText(image, "code image");
    }
  }

  /**
   * A PersistentVolumeClaim, mounted read-only.
   *
   * @param claimName the claim's name
   * @param subPath the directory inside the volume that becomes {@code /opt/code}; "" for the
   *     volume's root
   */
  record PvcCode(String claimName, String subPath) implements CodeOrigin {
    public PvcCode {
      requireText(claimName, "code PersistentVolumeClaim name");
      subPath = relativePath(subPath, "code subPath");
    }
  }
}
