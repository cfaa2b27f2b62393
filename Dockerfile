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
EXPOSE 8080
# Heap from the container's memory limit (the chart sets request = limit); exit on OOM so
# Kubernetes restarts the pod instead of leaving a half-dead JVM; /tmp is the pod's emptyDir.
ENTRYPOINT ["java", "-XX:+UseContainerSupport", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", "-Dfile.encoding=UTF-8", "-jar", "/app/modelops-operator.jar"]
