package gr.solidarity.ledger.ui.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Chart.js configurations as JSON, for a page to hand to the chart script in a data attribute: the page carries its
 * figures, the script only draws them, and no script is written into the page.
 */
final class Charts {

    /** One series of a chart. */
    record Series(String label, List<? extends Number> values, String colour) {
    }

    private static final String[] COLOURS = {"#0b4f8a", "#b35900", "#1d6b34", "#6a3d9a", "#a3201b", "#4a5361"};

    private Charts() {
    }

    static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    static String bar(List<String> labels, List<Series> series, boolean horizontal) {
        return bar(labels, series, horizontal, false);
    }

    /** @param counts whether the values are counts: the value axis then steps by whole numbers (no 0.2 deliveries) */
    static String bar(List<String> labels, List<Series> series, boolean horizontal, boolean counts) {
        return "{\"type\":\"bar\",\"data\":{\"labels\":" + strings(labels) + ",\"datasets\":" + datasets(series)
                + "},\"options\":{\"maintainAspectRatio\":false,\"animation\":false"
                + (horizontal ? ",\"indexAxis\":\"y\"" : "")
                + (counts ? ",\"scales\":{\"" + (horizontal ? "x" : "y")
                        + "\":{\"beginAtZero\":true,\"ticks\":{\"precision\":0}}}" : "")
                + ",\"plugins\":{\"legend\":{\"display\":" + (series.size() > 1) + "}}}}";
    }

    static String doughnut(List<String> labels, List<? extends Number> values, List<String> colours) {
        return "{\"type\":\"doughnut\",\"data\":{\"labels\":" + strings(labels) + ",\"datasets\":[{\"data\":"
                + numbers(values) + ",\"backgroundColor\":" + strings(colours)
                + "}]},\"options\":{\"maintainAspectRatio\":false,\"animation\":false}}";
    }

    private static String datasets(List<Series> series) {
        return series.stream().map(one -> "{\"label\":" + string(one.label()) + ",\"data\":" + numbers(one.values())
                        + ",\"backgroundColor\":" + string(one.colour()) + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String numbers(List<? extends Number> values) {
        return values.stream().map(value -> value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
                : String.valueOf(value)).collect(Collectors.joining(",", "[", "]"));
    }

    private static String strings(List<String> values) {
        return values.stream().map(Charts::string).collect(Collectors.joining(",", "[", "]"));
    }

    static String string(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
