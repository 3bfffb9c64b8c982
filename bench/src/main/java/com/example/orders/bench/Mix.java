package com.example.orders.bench;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What the orders of a run ask for, in shares: paid and in stock ({@code ok}), declined by the provider
 * ({@code declined}), or for a SKU stocked with only a few units ({@code out-of-stock}, which the first few get).
 */
record Mix(Map<Kind, Integer> shares) {

    enum Kind {

        OK("ok"), DECLINED("declined"), OUT_OF_STOCK("out-of-stock");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static final Mix DEFAULT = parse("ok=90,declined=5,out-of-stock=5");

    /** {@code ok=90,declined=5,out-of-stock=5}: shares in any unit (percent, say); missing kinds are 0. */
    static Mix parse(String text) {
        Map<Kind, Integer> shares = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            shares.put(kind, 0);
        }
        for (String part : text.split(",")) {
            String[] pair = part.trim().split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException("'" + part + "' is not kind=share (e.g. ok=90)");
            }
            Kind kind = null;
            for (Kind candidate : Kind.values()) {
                if (candidate.label.equals(pair[0].trim().toLowerCase(Locale.ROOT))) {
                    kind = candidate;
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("no outcome '" + pair[0] + "': ok, declined or out-of-stock");
            }
            int share = Integer.parseInt(pair[1].trim());
            if (share < 0) {
                throw new IllegalArgumentException("a share is not negative: " + part);
            }
            shares.put(kind, share);
        }
        if (shares.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new IllegalArgumentException("the mix '" + text + "' has no orders in it");
        }
        return new Mix(shares);
    }

    Kind next(RandomGenerator random) {
        int total = shares.values().stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (Map.Entry<Kind, Integer> share : shares.entrySet()) {
            pick -= share.getValue();
            if (pick < 0) {
                return share.getKey();
            }
        }
        throw new AssertionError("unreachable");
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        shares.forEach((kind, share) -> text.append(text.isEmpty() ? "" : ",").append(kind.label).append('=')
                .append(share));
        return text.toString();
    }
}
