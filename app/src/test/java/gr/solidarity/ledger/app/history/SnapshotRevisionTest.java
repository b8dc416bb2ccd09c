package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterDonorCompany;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.VerifyOrganisation;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
import gr.solidarity.ledger.messages.stock.ReceiptRecorded;
import gr.solidarity.ledger.messages.stock.StockCommands.AdjustStock;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A warehouse snapshot is stored under the warehouse's stable name and revision; one of another revision (an older
 * shape of the aggregate, one that still kept lots whose goods had all left, or one stored under the former class name)
 * is passed over and the warehouse rebuilt from its events, even though it would read without an error and leave the
 * warehouse without its lots.
 */
class SnapshotRevisionTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Athens"));

    @TempDir
    Path dataDirectory;

    @ParameterizedTest
    @CsvSource(value = {"stock.Warehouse,2", "stock.Warehouse,1", "stock.Warehouse,0",
            "gr.solidarity.ledger.command.stock.Warehouse,NULL"}, nullValues = "NULL")
    void aSnapshotOfAnotherRevisionIsIgnoredAndTheWarehouseRebuiltFromItsEvents(String type, String revision) {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory, "ledger.snapshot-threshold=3")) {
            CommandGateway commands = ledger.bean(CommandGateway.class);
            String warehouse = UUID.randomUUID().toString();
            String lot = stockTheWarehouse(commands, warehouse);
            JdbcTemplate jdbc = ledger.bean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from SnapshotEventEntry where aggregateIdentifier = ?", Integer.class,
                    warehouse) > 0);
            Map<String, Object> stored = jdbc.queryForMap(
                    "select payloadType, payloadRevision from SnapshotEventEntry where aggregateIdentifier = ?",
                    warehouse);
            assertThat(stored).containsEntry("payloadType", "stock.Warehouse").containsEntry("payloadRevision", "3");

            // An older shape of the aggregate: it reads without an error, with no lots at all.
            String olderShape = "{\"warehouseId\":\"" + warehouse + "\",\"lots\":{},\"receiptIds\":[]}";
            jdbc.update("update SnapshotEventEntry set payloadType = ?, payloadRevision = ?, payload = ? "
                    + "where aggregateIdentifier = ?", type, revision, olderShape.getBytes(StandardCharsets.UTF_8),
                    warehouse);

            commands.sendAndWait(new AdjustStock(warehouse, lot, new BigDecimal("-4"), AdjustmentReason.DAMAGED, null));
            CommandExecutionException refused = catchThrowableOfType(CommandExecutionException.class, () ->
                    commands.sendAndWait(new AdjustStock(warehouse, lot, new BigDecimal("-7"),
                            AdjustmentReason.DAMAGED, null)));
            assertThat(refused.getDetails()).get().extracting(details -> ((Refusal) details).code())
                    .isEqualTo("ADJUSTMENT_MUST_LEAVE_RESERVED_STOCK");
        }
    }

    private static String stockTheWarehouse(CommandGateway commands, String warehouse) {
        String donor = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterDonorCompany(donor, "Δωρήτρια Α.Ε.", "094014201",
                new ContactDetails("Νίκος", null, null), new PostalAddress("Οδός 1", null, "Πρέβεζα"), "2101"));
        commands.sendAndWait(new VerifyOrganisation(donor, null));
        commands.sendAndWait(new AddCatalogueItem("OIL-1L", "Ελαιόλαδο 1 λίτρο", "Olive oil 1 l",
                ItemCategory.OILS, UnitOfMeasure.PIECE, false));
        commands.sendAndWait(new RegisterWarehouse(warehouse, "Αποθήκη Πρέβεζας", "2101",
                new PostalAddress("Λιμάνι", null, "Πρέβεζα")));
        ReceiptRecorded receipt = null;
        for (int i = 0; i < 6; i++) {
            receipt = commands.sendAndWait(new ReceiveGoods(warehouse, UUID.randomUUID().toString(), null, donor,
                    TODAY, List.of(new ReceiptLine("OIL-1L", new BigDecimal("10"), TODAY.plusYears(1), "L" + i,
                    null))));
        }
        return receipt.lotIds().get(0);
    }
}
