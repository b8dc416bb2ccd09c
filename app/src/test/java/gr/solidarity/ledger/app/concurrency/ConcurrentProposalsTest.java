package gr.solidarity.ledger.app.concurrency;

import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposeAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposedLine;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.need.NeedCommands.DeclareNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterDonorCompany;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterRecipientStructure;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.VerifyOrganisation;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.messages.stock.ReceiptRecorded;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservationReleased;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import gr.solidarity.ledger.messages.stock.StockEvents.StockReserved;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Many officers propose at the same moment against the same lots: no lot is ever reserved beyond what is on hand. */
class ConcurrentProposalsTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Athens"));

    @TempDir
    Path dataDirectory;

    @Test
    void theSumReservedNeverExceedsWhatIsOnHand() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            CommandGateway commands = ledger.bean(CommandGateway.class);
            String donor = id();
            commands.sendAndWait(new RegisterDonorCompany(donor, "Δωρήτρια Α.Ε.", "094014201",
                    new ContactDetails("Νίκος", null, null), new PostalAddress("Οδός 1", null, "Άρτα"), "1901"));
            commands.sendAndWait(new VerifyOrganisation(donor, null));
            String recipient = id();
            commands.sendAndWait(new RegisterRecipientStructure(recipient, "Κοινωνικό Παντοπωλείο Άρτας",
                    RecipientStructureType.SOCIAL_GROCERY, new ContactDetails("Ελένη", null, null),
                    new PostalAddress("Οδός 2", null, "Άρτα"), "1901", new GeoPoint(39.16, 20.98), 300));
            commands.sendAndWait(new VerifyOrganisation(recipient, null));
            commands.sendAndWait(new AddCatalogueItem("RICE-1KG", "Ρύζι 1 κιλό", "Rice 1 kg", ItemCategory.DRY_FOOD,
                    UnitOfMeasure.PACK, false));
            String warehouse = id();
            commands.sendAndWait(new RegisterWarehouse(warehouse, "Αποθήκη Άρτας", "1901",
                    new PostalAddress("ΒΙΠΕ", null, "Άρτα")));
            ReceiptRecorded receipt = commands.sendAndWait(new ReceiveGoods(warehouse, id(), null, donor, TODAY, List.of(
                    new ReceiptLine("RICE-1KG", new BigDecimal("100"), TODAY.plusMonths(6), "A", null),
                    new ReceiptLine("RICE-1KG", new BigDecimal("50"), TODAY.plusMonths(9), "B", null))));
            String lotA = receipt.lotIds().get(0);
            List<String> needs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String need = id();
                commands.sendAndWait(new DeclareNeed(need, recipient, List.of(new NeedLineRequest("RICE-1KG",
                        new BigDecimal("200"), NeedPriority.NORMAL, TODAY.plusDays(10), 50)), null));
                needs.add(need);
            }

            // 60 proposals from 12 threads: half name lot A, half let the warehouse choose first-expiry-first-out.
            ExecutorService officers = Executors.newFixedThreadPool(12);
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String need = needs.get(i % needs.size());
                String lot = i % 2 == 0 ? lotA : null;
                Callable<String> propose = () -> {
                    try {
                        commands.sendAndWait(new ProposeAllocation(id(), need, warehouse,
                                List.of(new ProposedLine(1, new BigDecimal("7"), lot)), null));
                        return "accepted";
                    } catch (CommandExecutionException refused) {
                        return refused.getDetails().map(details -> ((Refusal) details).code()).orElse("unexplained");
                    }
                };
                outcomes.add(officers.submit(propose));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            officers.shutdown();

            Map<String, Long> byOutcome = results.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            // 150 on hand in two lots of 100 and 50 → at most 14 + 7 = 21 proposals of 7 fit; the rest are refused
            assertThat(byOutcome.keySet()).containsOnly("accepted", "STOCK_MUST_COVER_ALLOCATION");
            assertThat(byOutcome.get("accepted")).isBetween(14L, 21L);

            Map<String, BigDecimal> reservedPerLot = new java.util.HashMap<>();
            for (Object event : EventLog.payloads(ledger)) {
                if (event instanceof StockReserved reserved) {
                    for (ReservedLot line : reserved.lines()) {
                        reservedPerLot.merge(line.lotId(), line.quantity(), BigDecimal::add);
                    }
                } else if (event instanceof ReservationReleased released) {
                    for (ReservedLot line : released.lines()) {
                        reservedPerLot.merge(line.lotId(), line.quantity().negate(), BigDecimal::add);
                    }
                }
            }
            assertThat(reservedPerLot.get(lotA)).isLessThanOrEqualTo(new BigDecimal("100"));
            assertThat(reservedPerLot.getOrDefault(receipt.lotIds().get(1), BigDecimal.ZERO))
                    .isLessThanOrEqualTo(new BigDecimal("50"));
            BigDecimal total = reservedPerLot.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total).isEqualByComparingTo(new BigDecimal(7 * byOutcome.get("accepted")));
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
