package com.example.orders.console.infrastructure.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.console.application.ConsoleConfig;

/** Where each service answers ({@code console.services}); a service's name is also its consumer group. */
@ApplicationScoped
class ServiceDirectory {

    private final Map<String, URI> addresses;

    ServiceDirectory(ConsoleConfig config) {
        this.addresses = ServiceAddresses.parse(config.services().orElse(List.of()));
    }

    Map<String, URI> addresses() {
        return addresses;
    }

    Optional<URI> addressOf(String service) {
        return Optional.ofNullable(addresses.get(service));
    }
}
