package com.example.orders.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The SKUs of one run, its own so that runs never share stock: plenty of stock for the orders meant to be confirmed,
 * one scarce SKU for the out-of-stock share (its first few orders get it, the rest are rejected).
 */
final class Catalogue {

    static final int PLENTY = 100_000_000;
    static final String UNIT_PRICE = "9.99";

    /** What one order asks for. */
    record Line(Mix.Kind kind, String sku, int quantity, String paymentToken) {
    }

    private final List<String> plentiful = new ArrayList<>();
    private final String scarce;
    private final int scarceUnits;

    Catalogue(String runId, int skus, int scarceUnits) {
        for (int i = 1; i <= skus; i++) {
            plentiful.add("BENCH-" + runId + "-" + i);
        }
        this.scarce = "BENCH-" + runId + "-SCARCE";
        this.scarceUnits = scarceUnits;
    }

    /** Every SKU of the run and the units it was stocked with. */
    Map<String, Integer> stocked() {
        Map<String, Integer> stocked = new LinkedHashMap<>();
        plentiful.forEach(sku -> stocked.put(sku, PLENTY));
        stocked.put(scarce, scarceUnits);
        return stocked;
    }

    Line next(Mix mix, RandomGenerator random) {
        Mix.Kind kind = mix.next(random);
        int quantity = 1 + random.nextInt(3);
        return switch (kind) {
            case OK -> new Line(kind, plentiful.get(random.nextInt(plentiful.size())), quantity, "tok_ok");
            case DECLINED -> new Line(kind, plentiful.get(random.nextInt(plentiful.size())), quantity, "tok_declined");
            case OUT_OF_STOCK -> new Line(kind, scarce, quantity, "tok_ok");
        };
    }
}
