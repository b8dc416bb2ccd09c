package gr.solidarity.ledger.ui.dashboard;

import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationPage;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocationApprovals;
import gr.solidarity.ledger.messages.need.NeedQueries.FindNeedsBoard;
import gr.solidarity.ledger.messages.need.NeedQueries.NeedBoardPage;
import gr.solidarity.ledger.messages.stock.StockQueries.FindLowStockItems;
import gr.solidarity.ledger.messages.stock.StockQueries.FindNearExpiryLots;
import gr.solidarity.ledger.messages.stock.StockQueries.LowStockItemPage;
import gr.solidarity.ledger.messages.stock.StockQueries.StockLotPage;
import gr.solidarity.ledger.ui.shell.Formats;
import gr.solidarity.ledger.ui.shell.Shell;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

import java.time.LocalDate;

/** The first page after signing in: the directorate's day at a glance. */
@Controller
public class DashboardController {

    static final int NEAR_EXPIRY_DAYS = 30;

    private final Views views;

    public DashboardController(Views views) {
        this.views = views;
    }

    @GetMapping("/")
    Mono<Rendering> dashboard() {
        return Shell.signedIn().filter(Shell::directorate)
                .flatMap(actor -> {
                    LocalDate today = LocalDate.now(Formats.ATHENS);
                    return Mono.zip(
                            views.one(new FindAllocationApprovals(200, null), AllocationPage.class),
                            views.one(new FindNeedsBoard(null, null, null, null, today, 200, null, null), NeedBoardPage.class),
                            views.one(new FindNearExpiryLots(today.plusDays(NEAR_EXPIRY_DAYS), null, 200, null), StockLotPage.class),
                            views.one(new FindLowStockItems(200, null), LowStockItemPage.class))
                            .map(found -> Rendering.view("dashboard")
                                    .modelAttribute("approvals", found.getT1().items())
                                    .modelAttribute("needs", found.getT2().items())
                                    .modelAttribute("urgent", found.getT2().items().stream()
                                            .filter(need -> need.priority() == gr.solidarity.ledger.messages.need.NeedPriority.URGENT)
                                            .count())
                                    .modelAttribute("nearExpiry", found.getT3().items())
                                    .modelAttribute("lowStock", found.getT4().items())
                                    .modelAttribute("nearExpiryDays", NEAR_EXPIRY_DAYS)
                                    .build());
                })
                .switchIfEmpty(Mono.fromSupplier(() -> Rendering.view("welcome").build()));
    }
}
