package com.example.orders.console.domain;

/**
 * Where an order's saga stands, as far as its facts tell it. Facts travel on different topics and may be read in
 * another order than they happened, so the state only moves forward: a later step is never undone by an earlier fact
 * read late, and an ended saga stays ended.
 */
public enum SagaState {

    PENDING(0), STOCK_RESERVED(1), PAID(2), CONFIRMED(3), CANCELLED(3);

    private final int step;

    SagaState(int step) {
        this.step = step;
    }

    public boolean ended() {
        return step == 3;
    }

    /** The further of the two; of two ends, the one known first stays (an order never ends twice). */
    public SagaState laterOf(SagaState other) {
        return other.step > step ? other : this;
    }
}
