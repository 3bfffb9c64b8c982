package ${package}.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import ${package}.application.ReceivedOrders;
import ${package}.domain.ReceivedOrder;
import com.example.orders.platform.persistence.NativeSql;
import com.example.orders.platform.replay.ReadModel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * {@code received_order} in ${artifactId}'s own database. Everything in it is folded from the topics, so it is also a
 * {@link ReadModel}: {@code ./suite replay --group ${artifactId} --from earliest --rebuild} empties it and folds every
 * event again.
 */
@ApplicationScoped
public class ReceivedOrderRows implements ReceivedOrders, ReadModel {

    /** A second OrderConfirmed of one order (another ce_id, the same fact) keeps nothing more. */
    @Override
    public Uni<Void> keep(ReceivedOrder order, String eventId) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.update(session, """
                        insert into received_order (order_id, customer_id, event_id, received_at)
                        values ($1, $2, $3, $4)
                        on conflict (order_id) do nothing""", order.orderId(), order.customerId(), eventId,
                        order.receivedAt()))
                .replaceWithVoid();
    }

    @Override
    public Uni<Long> count() {
        return Panache.getSession()
                .flatMap(session -> NativeSql.rows(session, "select count(*) from received_order"))
                .map(rows -> ((Number) rows.get(0)[0]).longValue());
    }

    @Override
    public Uni<Void> empty() {
        return Panache.getSession().flatMap(session -> NativeSql.update(session, "delete from received_order"))
                .replaceWithVoid();
    }
}
