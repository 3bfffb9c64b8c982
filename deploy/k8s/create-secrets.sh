#!/bin/sh
# Makes the Secrets the suite's pods read, in namespace $1 (default order-platform), from the local secrets that
# `./suite secrets` keeps under .suite/secrets: for a local or test cluster. Production brings its own secret
# management with the same names: <service>-db (url, user, password), postgres-admin (password), jwt-public-key.
# DB_HOST names the PostgreSQL server the services reach (default: the local overlay's postgres).
set -eu
namespace=${1:-order-platform}
secrets=${SUITE_HOME:-$(cd "$(dirname "$0")/../.." && pwd)/.suite}/secrets
db_host=${DB_HOST:-postgres:5432}
[ -f "$secrets/database-passwords.properties" ] || { echo "no secrets yet: run ./suite secrets" >&2; exit 1; }

value() { sed -n "s/^$1=//p" "$secrets/database-passwords.properties"; }
apply() { kubectl -n "$namespace" create secret generic "$@" --dry-run=client -o yaml | kubectl apply -f -; }

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"
apply postgres-admin --from-literal=password="$(value POSTGRES_ADMIN_PASSWORD)"
apply jwt-public-key --from-file=jwt-public.pem="$secrets/jwt-public.pem"
for service in order inventory payment notification analytics loyalty console; do
    upper=$(echo "$service" | tr '[:lower:]' '[:upper:]')
    apply "$service-service-db" \
        --from-literal=url="postgresql://$db_host/${service}_service" \
        --from-literal=user="${service}_service" \
        --from-literal=password="$(value "${upper}_DB_PASSWORD")"
done
