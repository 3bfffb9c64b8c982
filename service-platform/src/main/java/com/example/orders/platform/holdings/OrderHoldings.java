package com.example.orders.platform.holdings;

/**
 * Something a service holds for an order, shown to operators ({@code GET /ops/orders/{orderId}}, the console's order
 * page): a reservation, a payment, the emails. A service declares one bean per kind, each a select of its own tables;
 * each row is shown with its column names, so the select names what the operator reads.
 */
public interface OrderHoldings {

    /** What it is, e.g. {@code reservation}. */
    String kind();

    /** A select of this service's own tables, {@code $1} the order id, each row one thing held. */
    String select();
}
