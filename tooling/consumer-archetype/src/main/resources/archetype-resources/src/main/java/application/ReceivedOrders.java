package ${package}.application;

import ${package}.domain.ReceivedOrder;

import io.smallrye.mutiny.Uni;

/** Where ${artifactId} keeps what it received (a port: {@code infrastructure/persistence} implements it). */
public interface ReceivedOrders {

    /** Keeps the order in the caller's transaction. */
    Uni<Void> keep(ReceivedOrder order, String eventId);

    /** How many orders were received. */
    Uni<Long> count();
}
