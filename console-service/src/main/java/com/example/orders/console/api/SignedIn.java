package com.example.orders.console.api;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/** The operator session of the request being served, as {@link ConsoleGuard} found it. */
@RequestScoped
public class SignedIn {

    private OperatorSession session;

    void set(OperatorSession session) {
        this.session = session;
    }

    public Optional<OperatorSession> session() {
        return Optional.ofNullable(session);
    }

    /** The session of a request the guard let through as signed in. */
    public OperatorSession required() {
        if (session == null) {
            throw new IllegalStateException("the console guard lets no request without a session through here");
        }
        return session;
    }
}
