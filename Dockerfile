# syntax=docker/dockerfile:1
# The operator image. Build stage: the Maven wrapper on JDK 17 produces the shaded jar (the
# tested artifact; `make test` runs the suite on it). Run stage: a JRE 17, the jar, a numeric
# non-root user; the entrypoint is exec-form, so no shell is needed at run time.
#   docker build -t ghcr.io/modelops/modelops-operator:0.1.0 .

FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre-noble
LABEL org.opencontainers.image.title="modelops-operator" \
      org.opencontainers.image.description="Kubernetes operator that serves custom models and runs custom jobs" \
      org.opencontainers.image.source="https://github.com/modelops/modelops-operator" \
      org.opencontainers.image.licenses="Apache-2.0"
WORKDIR /app
# Owned by root and read-only for the operator's user: the pod's root filesystem is read-only.
COPY --from=build --chown=0:0 --chmod=0444 /src/target/modelops-operator.jar /app/modelops-operator.jar
USER 10001:10001
# /metrics and the probes (/healthz, /readyz): separate ports, separate servers.
EXPOSE 8080 8081
# Memory (measured by `make bench`, which starts the operator with exactly these flags): the
# heap may grow to half the container's memory limit (the chart sets request = limit) but
# follows the live set (Serial GC returns memory: at most 30% free after a collection); C1 only
# and small thread stacks keep the rest small; two malloc arenas instead of one per core and
# thread. Exit on OOM so Kubernetes restarts the pod; /tmp is the pod's emptyDir.
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-XX:+UseContainerSupport", "-XX:MaxRAMPercentage=50.0", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=48m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", "-Dfile.encoding=UTF-8", "-jar", "/app/modelops-operator.jar"]
