package gr.solidarity.ledger.ui.publicregistry;

import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart.js configurations of the public indicators, as JSON for a canvas's data attribute: the page carries its
 * figures, the shared chart script only draws them, and no script is written into the page. Every chart also has its
 * table on the page, which is what a screen reader and a page without JavaScript read.
 */
final class PublicCharts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] COLOURS = {"#0b4f8a", "#b35900", "#1d6b34", "#6a3d9a", "#a3201b", "#4a5361"};

    /** One series: its label and a value per label of the chart (null where withheld). */
    record Series(String label, List<? extends Number> values) {
    }

    private PublicCharts() {
    }

    static String bar(List<String> labels, List<Series> series, boolean horizontal) {
        List<Map<String, Object>> datasets = new java.util.ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("label", series.get(i).label());
            dataset.put("data", series.get(i).values());
            dataset.put("backgroundColor", COLOURS[i % COLOURS.length]);
            datasets.add(dataset);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("maintainAspectRatio", false);
        options.put("animation", false);
        if (horizontal) {
            options.put("indexAxis", "y");
        }
        options.put("plugins", Map.of("legend", Map.of("display", series.size() > 1)));
        return JSON.writeValueAsString(Map.of("type", "bar", "data", Map.of("labels", labels, "datasets", datasets),
                "options", options));
    }
}
