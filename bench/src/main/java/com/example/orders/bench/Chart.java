package com.example.orders.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

import org.HdrHistogram.Histogram;

/**
 * The run as a picture (SVG, no library): throughput per second above (sent, accepted, completed), latency per second
 * below on a log scale (POST p99, POST → terminal p50 and p99), the warm-up shaded.
 */
final class Chart {

    private static final int WIDTH = 960;
    private static final int PANEL = 260;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 64;
    private static final int GAP = 60;

    private record Series(String name, String colour, boolean dashed, IntToDoubleFunction value) {
    }

    private Chart() {
    }

    static String svg(Timeline timeline, String title, int loadSeconds) {
        int seconds = Math.max(1, timeline.length());
        List<Timeline.Second> data = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            data.add(timeline.at(i));
        }
        StringBuilder svg = new StringBuilder();
        int height = TOP + 2 * PANEL + GAP + 50;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(LEFT, 24, escape(title), "start", 13, "bold"));

        double maxRate = 1;
        for (Timeline.Second second : data) {
            maxRate = Math.max(maxRate, Math.max(second.sent, Math.max(second.accepted, second.completed)));
        }
        maxRate = niceCeiling(maxRate);
        int top = TOP;
        panel(svg, top, seconds, timeline.warmupSeconds(), loadSeconds, "orders per second");
        for (int tick = 0; tick <= 4; tick++) {
            double value = maxRate * tick / 4;
            int y = top + PANEL - (int) (PANEL * tick / 4.0);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#e5e5e5", false));
            svg.append(text(LEFT - 6, y + 4, format(value), "end", 11, "normal"));
        }
        double rateCeiling = maxRate;
        plot(svg, data, top, seconds, v -> v / rateCeiling, List.of(
                new Series("sent", "#999999", true, i -> data.get(i).sent),
                new Series("accepted (202)", "#1f77b4", false, i -> data.get(i).accepted),
                new Series("completed", "#2ca02c", false, i -> data.get(i).completed)));

        top += PANEL + GAP;
        panel(svg, top, seconds, timeline.warmupSeconds(), loadSeconds, "latency (ms, log scale)");
        double low = 1;
        double high = 100_000;
        for (double ms = low; ms <= high; ms *= 10) {
            int y = top + PANEL - (int) (PANEL * Math.log10(ms / low) / Math.log10(high / low));
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#e5e5e5", false));
            svg.append(text(LEFT - 6, y + 4, format(ms), "end", 11, "normal"));
        }
        plot(svg, data, top, seconds,
                v -> v <= 0 ? Double.NaN : Math.log10(Math.max(low, v) / low) / Math.log10(high / low),
                List.of(new Series("POST p99", "#1f77b4", false, i -> millis(data.get(i).post, 99)),
                        new Series("POST → terminal p50", "#ff7f0e", false, i -> millis(data.get(i).saga, 50)),
                        new Series("POST → terminal p99", "#d62728", false, i -> millis(data.get(i).saga, 99))));
        svg.append(text(LEFT + (WIDTH - LEFT - RIGHT) / 2, height - 12, "seconds since the load began", "middle", 12,
                "normal"));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static void panel(StringBuilder svg, int top, int seconds, int warmup, int loadSeconds, String label) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        if (warmup > 0) {
            svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"")
                    .append(plotWidth * Math.min(warmup, seconds) / seconds).append("\" height=\"").append(PANEL)
                    .append("\" fill=\"#f2f2f2\"/>\n");
            svg.append(text(LEFT + 4, top + 14, "warm-up", "start", 10, "normal"));
        }
        if (loadSeconds < seconds) {
            int x = LEFT + plotWidth * loadSeconds / seconds;
            svg.append(line(x, top, x, top + PANEL, "#bbbbbb", true));
            svg.append(text(x - 4, top + 14, "load ends", "end", 10, "normal"));
        }
        svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(top).append("\" width=\"").append(plotWidth)
                .append("\" height=\"").append(PANEL).append("\" fill=\"none\" stroke=\"#333333\"/>\n");
        svg.append(text(LEFT, top - 8, label, "start", 12, "bold"));
        int step = Math.max(1, niceStep(seconds));
        for (int s = 0; s <= seconds; s += step) {
            int x = LEFT + plotWidth * s / seconds;
            svg.append(line(x, top + PANEL, x, top + PANEL + 4, "#333333", false));
            svg.append(text(x, top + PANEL + 16, Integer.toString(s), "middle", 11, "normal"));
        }
    }

    private static void plot(StringBuilder svg, List<Timeline.Second> data, int top, int seconds,
            java.util.function.DoubleUnaryOperator scale, List<Series> series) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int legend = top + 10;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < data.size(); i++) {
                double fraction = scale.applyAsDouble(s.value().applyAsDouble(i));
                if (Double.isNaN(fraction)) {
                    continue;
                }
                double x = LEFT + plotWidth * (i + 0.5) / seconds;
                double y = top + PANEL - PANEL * Math.min(1, fraction);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(s.colour()).append("\" stroke-width=\"1.8\"")
                    .append(s.dashed() ? " stroke-dasharray=\"5,3\"" : "").append(" points=\"").append(points)
                    .append("\"/>\n");
            svg.append(line(WIDTH - RIGHT + 12, legend, WIDTH - RIGHT + 32, legend, s.colour(), s.dashed()));
            svg.append(text(WIDTH - RIGHT + 36, legend + 4, escape(s.name()), "start", 11, "normal"));
            legend += 18;
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1, y1, x2, y2, colour, dashed ? " stroke-dasharray=\"4,3\"" : "");
    }

    private static String text(double x, double y, String content, String anchor, int size, String weight) {
        return String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\">%s</text>%n", x,
                y, anchor, size, weight, content);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String format(double value) {
        return value >= 1000 && value % 1000 == 0
                ? (long) (value / 1000) + "k"
                : value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[]{1, 2, 2.5, 5, 10}) {
            if (factor * magnitude >= value) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static int niceStep(int seconds) {
        for (int step : new int[]{1, 2, 5, 10, 15, 30, 60, 120, 300}) {
            if (seconds / step <= 12) {
                return step;
            }
        }
        return 600;
    }
}
