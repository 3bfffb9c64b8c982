# One image per service, from the service's packaged Quarkus application (./mvnw package -DskipTests).
# Build from the repository root:  docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=order-service .
FROM eclipse-temurin:17-jre
ARG SERVICE
ENV LANG=C.UTF-8 \
    JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
WORKDIR /deployments
COPY --chown=185 ${SERVICE}/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 ${SERVICE}/target/quarkus-app/*.jar /deployments/
COPY --chown=185 ${SERVICE}/target/quarkus-app/app/ /deployments/app/
COPY --chown=185 ${SERVICE}/target/quarkus-app/quarkus/ /deployments/quarkus/
USER 185
# The service's port comes from <SERVICE>_HTTP_PORT (8081 order ... 8085 analytics, 8086 loyalty, 8087 console); it listens on every interface.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
