# The stand-ins for the outside world (payment-provider simulator, SMTP sink), for docker-compose only.
# Build from the repository root after ./mvnw package -DskipTests:
#   docker build -f deploy/docker/sandbox.Dockerfile .
FROM eclipse-temurin:17-jre
WORKDIR /sandbox
COPY tooling/sandbox/target/lib/ /sandbox/lib/
COPY tooling/sandbox/target/classes/ /sandbox/classes/
RUN mkdir -p /sandbox/data && chown 185 /sandbox/data
USER 185
# docker-compose picks the program and its options:
#   com.example.orders.sandbox.PaymentProviderSimulator --host 0.0.0.0 --port 8089 --data /sandbox/data
#   com.example.orders.sandbox.SmtpSink --host 0.0.0.0 --smtp-port 2525 --api-port 8025
ENTRYPOINT ["java", "-cp", "/sandbox/classes:/sandbox/lib/*"]
