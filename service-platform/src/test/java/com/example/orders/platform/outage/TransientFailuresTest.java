package com.example.orders.platform.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.orders.events.InvalidEventException;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

class TransientFailuresTest {

    @Test
    void aRefusedConnectionDeepInsideTheFrameworksWrappersIsAnOutage() {
        ConnectException refused = new ConnectException("Connection refused: /127.0.0.1:5433");
        Throwable wrapped = new CompletionException(new HibernateException(new CompositeException(refused,
                new IllegalStateException("rollback failed too"))));

        assertThat(TransientFailures.outageCause(wrapped)).contains(refused);
    }

    @Test
    void aLostConnectionIsAnOutage() {
        assertThat(TransientFailures.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(TransientFailures.isTransient(new VertxException("Connection is closed", true))).isTrue();
    }

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"40001", "40P01", "55P03", "57014", "57P01", "57P03", "08006", "53300", "25006"})
    void databaseConditionsThatPassAreOutages(String sqlState) {
        assertThat(TransientFailures.isTransient(new PgException("busy", "ERROR", sqlState, null))).isTrue();
    }

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"23505", "23502", "22P02", "42P01", "42703"})
    void databaseErrorsOfTheWorkItselfAreNot(String sqlState) {
        assertThat(TransientFailures.isTransient(new PgException("wrong", "ERROR", sqlState, null))).isFalse();
    }

    @Test
    void aRecordThatIsNotAnEventOrABrokenRuleIsNot() {
        assertThat(TransientFailures.isTransient(new InvalidEventException("payload is not a valid OrderCreatedV1")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a reservation cannot be sold twice")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new VertxException("Unexpected value", true))).isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(TransientFailures.isTransient(first)).isFalse();
    }
}
