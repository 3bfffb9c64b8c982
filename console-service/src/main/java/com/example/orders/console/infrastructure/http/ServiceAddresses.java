package com.example.orders.console.infrastructure.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code console.services}: {@code name=url} entries, read once at start; a malformed one stops the service. */
final class ServiceAddresses {

    static Map<String, URI> parse(List<String> entries) {
        Map<String, URI> addresses = new LinkedHashMap<>();
        for (String entry : entries) {
            String trimmed = entry.strip();
            int equals = trimmed.indexOf('=');
            if (equals <= 0 || equals == trimmed.length() - 1) {
                throw new IllegalArgumentException("console.services: '" + entry + "' is not name=url, e.g. "
                        + "order-service=http://127.0.0.1:8081");
            }
            URI address = URI.create(trimmed.substring(equals + 1).strip());
            if (address.getScheme() == null || address.getHost() == null) {
                throw new IllegalArgumentException("console.services: '" + entry + "' has no http://host:port");
            }
            addresses.put(trimmed.substring(0, equals).strip(), address);
        }
        return addresses;
    }

    private ServiceAddresses() {
    }
}
