package gr.solidarity.ledger.app.support;

import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.need.NeedCommands.DeclareNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterDonorCompany;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterRecipientStructure;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.VerifyOrganisation;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A verified donor and recipient structure and one item, sent straight to the command gateway, for tests about how
 * proposals are stored rather than about the HTTP API; warehouses and needs are added as a test needs them.
 */
public final class StockedNetwork {

    public static final String ITEM = "RICE-1KG";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Athens"));

    private final CommandGateway commands;
    private final String donorId;
    private final String recipientId;
    private final java.util.Map<String, String> receiptByWarehouse = new java.util.HashMap<>();

    private StockedNetwork(CommandGateway commands, String donorId, String recipientId) {
        this.commands = commands;
        this.donorId = donorId;
        this.recipientId = recipientId;
    }

    public static StockedNetwork register(CommandGateway commands) {
        String donor = id();
        commands.sendAndWait(new RegisterDonorCompany(donor, "Δωρήτρια Α.Ε.", "094014201",
                new ContactDetails("Νίκος", null, null), new PostalAddress("Οδός 1", null, "Άρτα"), "1901"));
        commands.sendAndWait(new VerifyOrganisation(donor, null));
        String recipient = id();
        commands.sendAndWait(new RegisterRecipientStructure(recipient, "Κοινωνικό Παντοπωλείο Άρτας",
                RecipientStructureType.SOCIAL_GROCERY, new ContactDetails("Ελένη", null, null),
                new PostalAddress("Οδός 2", null, "Άρτα"), "1901", new GeoPoint(39.16, 20.98), 300));
        commands.sendAndWait(new VerifyOrganisation(recipient, null));
        commands.sendAndWait(new AddCatalogueItem(ITEM, "Ρύζι 1 κιλό", "Rice 1 kg", ItemCategory.DRY_FOOD,
                UnitOfMeasure.PACK, false));
        return new StockedNetwork(commands, donor, recipient);
    }

    /** A new warehouse holding one lot of the item. */
    public String warehouseWith(int quantity) {
        String warehouse = id();
        commands.sendAndWait(new RegisterWarehouse(warehouse, "Αποθήκη " + warehouse.substring(0, 8), "1901",
                new PostalAddress("ΒΙΠΕ", null, "Άρτα")));
        String receipt = id();
        commands.sendAndWait(new ReceiveGoods(warehouse, receipt, null, donorId, TODAY, java.util.List.of(
                new ReceiptLine(ITEM, new BigDecimal(quantity), TODAY.plusMonths(6), "A", null))));
        receiptByWarehouse.put(warehouse, receipt);
        return warehouse;
    }

    /** The lot a warehouse of {@link #warehouseWith} received. */
    public String lotIn(String warehouse) {
        return receiptByWarehouse.get(warehouse) + "-1";
    }

    /** A new need of the recipient structure for the item, one line. */
    public String need(int quantity) {
        String need = id();
        commands.sendAndWait(new DeclareNeed(need, recipientId, java.util.List.of(new NeedLineRequest(ITEM,
                new BigDecimal(quantity), NeedPriority.NORMAL, TODAY.plusDays(10), 50)), null));
        return need;
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }
}
