#!/usr/bin/env bash
# Kafka's own kafka-consumer-groups tool, from the same Kafka release as the suite's broker, so a machine without the
# Kafka distribution has it too. Same arguments as the distribution's bin/kafka-consumer-groups.sh, e.g.
#   tooling/kafka-broker/bin/kafka-consumer-groups.sh --bootstrap-server 127.0.0.1:9092 --describe --group inventory-service
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
classpath="$root/tooling/kafka-broker/target/broker.classpath"
if [[ ! -f "$classpath" ]]; then
    (cd "$root" && ./mvnw -B -q package -pl tooling/kafka-broker) >&2
fi
exec java -cp "$(cat "$classpath")" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand "$@"
