package com.example.orders.console.domain;

/** The facts of an order's saga, as the console tells them apart; each moves the saga to a state, or leaves it. */
public enum Fact {

    ORDER_CREATED(SagaState.PENDING), ORDER_CANCEL_REQUESTED(null), STOCK_RESERVED(
            SagaState.STOCK_RESERVED), STOCK_REJECTED(null), STOCK_RELEASED(null), PAYMENT_CAPTURED(
                    SagaState.PAID), PAYMENT_FAILED(null), PAYMENT_REFUNDED(
                            null), ORDER_CONFIRMED(SagaState.CONFIRMED), ORDER_CANCELLED(SagaState.CANCELLED);

    private final SagaState reached;

    Fact(SagaState reached) {
        this.reached = reached;
    }

    /** Where the saga stands once this fact is known, given where it stood; facts may arrive out of order. */
    public SagaState after(SagaState before) {
        if (reached == null || before == null) {
            return reached == null ? before : reached;
        }
        return before.laterOf(reached);
    }
}
