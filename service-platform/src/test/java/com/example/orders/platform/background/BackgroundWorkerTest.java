package com.example.orders.platform.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.example.orders.platform.outage.Outages;
import com.example.orders.platform.outage.TestOutages;

class BackgroundWorkerTest {

    private static final Duration NEVER = Duration.ofHours(1);

    private final Outages outages = TestOutages.create();
    private final CommitNotifications.Wakeup wakeup = new CommitNotifications.Wakeup();

    @Test
    void runsAtOnceThenWhenWokenNotOnlyWhenItsIntervalHasPassed() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(2);
        BackgroundWorker worker = BackgroundWorker.start("test-worker", wakeup, NEVER, outages.worker("w1", false),
                () -> {
                    first.countDown();
                    second.countDown();
                    return false;
                });
        try {
            assertThat(first.await(5, TimeUnit.SECONDS)).as("the first round, at start").isTrue();
            wakeup.signal();
            assertThat(second.await(5, TimeUnit.SECONDS)).as("a round once woken").isTrue();
        } finally {
            worker.stop();
        }
    }

    @Test
    void followsAFullRoundAtOnceWithoutBeingWoken() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch fourth = new CountDownLatch(4);
        BackgroundWorker worker = BackgroundWorker.start("test-worker", wakeup, NEVER, outages.worker("w2", false),
                () -> {
                    fourth.countDown();
                    return rounds.incrementAndGet() < 4;
                });
        try {
            assertThat(fourth.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(rounds).as("then it sleeps: nothing more was waiting").hasValue(4);
        } finally {
            worker.stop();
        }
    }

    @Test
    void backsOffAfterAFailedRoundAndAnOutageIsWaitedOutUntilARoundGoesThrough() throws Exception {
        Outages.Waiter waiter = outages.worker("w3", true);
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch recovered = new CountDownLatch(1);
        long[] failedAt = new long[1];
        long[] retriedAt = new long[1];
        BackgroundWorker worker = BackgroundWorker.start("test-worker", wakeup, NEVER, waiter, () -> {
            if (rounds.incrementAndGet() == 1) {
                failedAt[0] = System.nanoTime();
                throw new java.net.ConnectException("the database is away");
            }
            retriedAt[0] = System.nanoTime();
            recovered.countDown();
            return false;
        });
        try {
            Thread.sleep(200);
            assertThat(waiter.isWaiting()).as("waiting out the outage").isTrue();
            wakeup.signal(); // a commit does not cut a backoff short
            assertThat(recovered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(retriedAt[0] - failedAt[0]))
                    .isGreaterThanOrEqualTo(BackgroundWorker.FIRST_BACKOFF.minusMillis(50));
            // the worker tells the waiter once the round has returned, a moment after it counted down
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (waiter.isWaiting() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(waiter.isWaiting()).as("the round went through").isFalse();
        } finally {
            worker.stop();
        }
    }

    @Test
    void stopLetsTheRoundInProgressFinish() throws Exception {
        CountDownLatch inRound = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        BackgroundWorker worker = BackgroundWorker.start("test-worker", wakeup, NEVER, outages.worker("w4", false),
                () -> {
                    inRound.countDown();
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                    finished.set(true);
                    return true;
                });
        assertThat(inRound.await(5, TimeUnit.SECONDS)).isTrue();

        worker.stop();

        assertThat(finished).as("the round finished").isTrue();
        assertThat(interrupted).as("within the grace, not interrupted").isFalse();
    }
}
