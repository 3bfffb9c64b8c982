package com.example.orders.platform.outage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.StaleStateException;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * The one place that decides whether a failure is an outage, which is waited out, or a defect of the work itself, which
 * trying again cannot mend. An outage is a dependency that is away or busy for a while: its database or broker
 * unreachable or restarting, a connection lost, the pool exhausted, a lock timeout, a serialization failure or
 * deadlock. Everything else (a record that is not an event of the contract, a broken domain rule, a bug) is not.
 */
public final class TransientFailures {

    /**
     * PostgreSQL's SQLSTATEs that say "try again": whole classes (08 connection exception, 53 insufficient resources,
     * 57P operator intervention, 58 system error) by prefix, single conditions in full.
     */
    private static final Set<String> TRANSIENT_SQL_STATE_PREFIXES = Set.of("08", "53", "57P", "58");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock_timeout)
            "57014", // query_canceled (statement_timeout)
            "25006"); // read_only_sql_transaction: a failover left us on a standby for a moment

    /** @return the failure (or one of its causes) that makes this an outage, if it is one */
    public static Optional<Throwable> outageCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (isOutage(cause)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    public static boolean isTransient(Throwable failure) {
        return outageCause(failure).isPresent();
    }

    private static boolean isOutage(Throwable cause) {
        if (cause instanceof DatabaseException database) {
            String state = database.getSqlState();
            return state != null && (TRANSIENT_SQL_STATES.contains(state)
                    || TRANSIENT_SQL_STATE_PREFIXES.stream().anyMatch(state::startsWith));
        }
        return cause instanceof ConnectException
                || cause instanceof NoRouteToHostException
                || cause instanceof UnknownHostException
                || cause instanceof SocketException
                || cause instanceof ClosedChannelException
                || cause instanceof ClosedConnectionException
                || cause instanceof TimeoutException
                || cause instanceof LockTimeoutException
                || cause instanceof PessimisticLockException
                || cause instanceof OptimisticLockException
                || cause instanceof StaleStateException
                || cause instanceof RetriableException
                || isVertxConnectionFailure(cause);
    }

    /**
     * Vert.x reports a lost or refused connection, and a pool that has none to give, as plain {@code VertxException}s
     * (no type of their own): known by their message.
     */
    private static boolean isVertxConnectionFailure(Throwable cause) {
        if (!(cause instanceof io.vertx.core.VertxException)) {
            return false;
        }
        String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("connection") && (message.contains("closed") || message.contains("refused")
                || message.contains("reset") || message.contains("timeout") || message.contains("timed out"))
                || message.contains("pool") && message.contains("timeout");
    }

    private TransientFailures() {
    }
}
