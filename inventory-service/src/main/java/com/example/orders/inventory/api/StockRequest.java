package com.example.orders.inventory.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code PUT /api/inventory/{sku}}: what is on the shelf, and the price. */
public record StockRequest(
        @NotNull @Min(0) @Max(1_000_000_000) Integer available,
        @NotNull @Pattern(regexp = "\\d{1,12}(\\.\\d{1,4})?", message = "must be a decimal amount such as 9.99") String unitPrice,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
}
