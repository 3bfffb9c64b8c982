package com.example.orders.platform.replay;

import io.smallrye.mutiny.Uni;

/**
 * A read model that can be rebuilt from the topics ({@code ./suite replay --rebuild}): {@link #empty()} removes every
 * row folded from events, in the transaction that also forgets which events were applied, and the replay from earliest
 * then folds them all again.
 */
public interface ReadModel {

    /** Deletes everything folded from events; runs inside the caller's transaction. */
    Uni<Void> empty();
}
