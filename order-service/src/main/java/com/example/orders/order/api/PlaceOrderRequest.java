package com.example.orders.order.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders}. */
public record PlaceOrderRequest(
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Line> items,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_\\-]+") String paymentToken) {

    public record Line(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9\\-]{0,63}", message = "must look like SKU-1") String sku,
            @Min(1) @Max(1000) int quantity) {
    }
}
