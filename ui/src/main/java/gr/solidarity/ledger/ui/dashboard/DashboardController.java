package gr.solidarity.ledger.ui.dashboard;

import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationPage;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocationApprovals;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.CountDeliveriesPerMonth;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.MonthlyDeliveries;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeedsBoard;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardPage;
import gr.solidarity.ledger.messages.stock.StockQueries.FindLowStockItems;
import gr.solidarity.ledger.messages.stock.StockQueries.FindNearExpiryLots;
import gr.solidarity.ledger.messages.stock.StockQueries.FindStockCategories;
import gr.solidarity.ledger.messages.stock.StockQueries.LowStockItemPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockCategoryView;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotPage;
import gr.solidarity.ledger.messages.stock.StockQueries.UnitTotals;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.Shell;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructurePage;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The first page after signing in: the directorate's day at a glance, in figures and in pictures. */
@Controller
public class DashboardController {

    static final int NEAR_EXPIRY_DAYS = 30;
    static final int MONTHS = 12;
    /** Stale structures counted on the dashboard; beyond this it says "1000+". */
    static final int STALE_SHOWN = 1000;

    private final Views views;
    private final MessageSource messages;

    private final Clock clock;

    public DashboardController(Views views, MessageSource messages, ObjectProvider<Clock> clock) {
        this.views = views;
        this.messages = messages;
        this.clock = clock.getIfUnique(() -> Clock.system(Formats.ATHENS));
    }

    /** A picture with the words it says, for those who cannot see it. */
    public record Chart(String id, String config, String description, boolean empty) {
    }

    @GetMapping("/")
    Mono<Rendering> dashboard(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return Shell.signedIn().filter(Shell::directorate)
                .flatMap(actor -> {
                    LocalDate today = LocalDate.now(Formats.ATHENS);
                    YearMonth month = YearMonth.from(today);
                    return Mono.zip(
                            views.one(new FindAllocationApprovals(200, null), AllocationPage.class),
                            views.one(new FindNeedsBoard(null, null, null, null, today, 200, null, null), NeedBoardPage.class),
                            views.one(new FindNearExpiryLots(today.plusDays(NEAR_EXPIRY_DAYS), null, 200, null), StockLotPage.class),
                            views.one(new FindLowStockItems(200, null), LowStockItemPage.class),
                            views.list(new FindStockCategories(), StockCategoryView.class),
                            views.list(new CountDeliveriesPerMonth(month.minusMonths(MONTHS - 1).toString(),
                                    month.toString()), MonthlyDeliveries.class),
                            views.one(new FindStructures(null, null, null, null, StructureStatus.ACTIVE, true,
                                    LocalDate.ofInstant(clock.instant(), Formats.ATHENS), STALE_SHOWN, null),
                                    StructurePage.class))
                            .map(found -> {
                                long urgent = found.getT2().items().stream()
                                        .filter(need -> need.priority() == NeedPriority.URGENT).count();
                                long normal = found.getT2().items().size() - urgent;
                                return Rendering.view("dashboard")
                                        .modelAttribute("approvals", found.getT1().items())
                                        .modelAttribute("needs", found.getT2().items())
                                        .modelAttribute("urgent", urgent)
                                        .modelAttribute("nearExpiry", found.getT3().items())
                                        .modelAttribute("lowStock", found.getT4().items())
                                        .modelAttribute("nearExpiryDays", NEAR_EXPIRY_DAYS)
                                        .modelAttribute("staleCount", found.getT7().items().size()
                                                + (found.getT7().nextCursor() == null ? "" : "+"))
                                        .modelAttribute("charts", List.of(
                                                stockByCategory(found.getT5(), locale),
                                                distributionsPerMonth(found.getT6(), month, locale),
                                                needsByPriority(urgent, normal, locale)))
                                        .build();
                            });
                })
                .switchIfEmpty(Mono.fromSupplier(() -> Rendering.view("welcome").build()));
    }

    private Chart stockByCategory(List<StockCategoryView> categories, Locale locale) {
        Formats formats = new Formats(locale);
        List<String> labels = categories.stream().map(category -> text("category." + category.category().name(), locale))
                .toList();
        List<Charts.Series> series = new ArrayList<>();
        List<String> described = new ArrayList<>();
        UnitOfMeasure[] units = UnitOfMeasure.values();
        for (int index = 0; index < units.length; index++) {
            UnitOfMeasure unit = units[index];
            List<BigDecimal> values = categories.stream().map(category -> category.totals().stream()
                    .filter(total -> total.unit() == unit).map(UnitTotals::available)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)).toList();
            if (values.stream().anyMatch(value -> value.signum() > 0)) {
                series.add(new Charts.Series(text("unit." + unit.name(), locale), values, Charts.colour(index)));
                for (int row = 0; row < values.size(); row++) {
                    if (values.get(row).signum() > 0) {
                        described.add(labels.get(row) + " " + formats.number(values.get(row)) + " "
                                + text("unit." + unit.name(), locale));
                    }
                }
            }
        }
        return new Chart("chart-stock", Charts.bar(labels, series, true),
                text("dashboard.chart.stock", locale) + ": " + String.join("; ", described), series.isEmpty());
    }

    /** Counted per month by the store: reading every delivery of twelve months made the page grow with history. */
    private Chart distributionsPerMonth(List<MonthlyDeliveries> counted, YearMonth month, Locale locale) {
        Map<String, Long> deliveries = new LinkedHashMap<>();
        for (int back = MONTHS - 1; back >= 0; back--) {
            deliveries.put(month.minusMonths(back).toString(), 0L);
        }
        for (MonthlyDeliveries row : counted) {
            deliveries.computeIfPresent(row.month(), (key, none) -> row.deliveries());
        }
        List<String> labels = deliveries.keySet().stream()
                .map(key -> key.substring(5) + "/" + key.substring(0, 4)).toList();
        String description = deliveries.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey().substring(5) + "/" + entry.getKey().substring(0, 4) + ": " + entry.getValue())
                .collect(Collectors.joining("; "));
        return new Chart("chart-distribution", Charts.bar(labels, List.of(new Charts.Series(
                        text("dashboard.chart.deliveries", locale), List.copyOf(deliveries.values()), Charts.colour(0))), false, true),
                text("dashboard.chart.distribution", locale) + ": "
                        + (description.isEmpty() ? text("dashboard.chart.none", locale) : description), false);
    }

    private Chart needsByPriority(long urgent, long normal, Locale locale) {
        List<String> labels = List.of(text("priority.URGENT", locale), text("priority.NORMAL", locale));
        return new Chart("chart-needs", Charts.doughnut(labels, List.of(urgent, normal), List.of("#a3201b", "#0b4f8a")),
                text("dashboard.chart.needs", locale) + ": " + labels.get(0) + " " + urgent + ", " + labels.get(1) + " "
                        + normal, urgent + normal == 0);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
