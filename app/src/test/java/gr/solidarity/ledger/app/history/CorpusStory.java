package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.messages.allocation.AllocationCommands.ApproveAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.CancelAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ConfirmAllocationReceipt;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.DispatchAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposeAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposedLine;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ReceivedLine;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.RejectAllocation;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.ReviseCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.RetireCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.SetMinimumStockLevel;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.identity.AccountCommands.AssignUserRole;
import gr.solidarity.ledger.messages.identity.AccountCommands.ChangeUserPassword;
import gr.solidarity.ledger.messages.identity.AccountCommands.CreateUserAccount;
import gr.solidarity.ledger.messages.identity.AccountCommands.DisableUserAccount;
import gr.solidarity.ledger.messages.identity.AccountCommands.EnableUserAccount;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.messages.need.NeedCommands.AmendNeedLine;
import gr.solidarity.ledger.messages.need.NeedCommands.CancelNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.DeclareNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterDonorCompany;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterRecipientStructure;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.ReinstateOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.SuspendOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.VerifyOrganisation;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.AmendPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.MakePledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.PledgeLineRequest;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledgeLine;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.OpeningHours.Closure;
import gr.solidarity.ledger.messages.registry.OpeningHours.WeeklyPeriod;
import gr.solidarity.ledger.messages.registry.PremisesAccessibility;
import gr.solidarity.ledger.messages.registry.StructureCommands.ChangeStructureServices;
import gr.solidarity.ledger.messages.registry.StructureCommands.CloseStructure;
import gr.solidarity.ledger.messages.registry.StructureCommands.CorrectStructureDetails;
import gr.solidarity.ledger.messages.registry.StructureCommands.RegisterStructure;
import gr.solidarity.ledger.messages.registry.StructureCommands.StructureEntry;
import gr.solidarity.ledger.messages.registry.StructureCommands.VerifyStructure;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.messages.registry.TargetGroup;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
import gr.solidarity.ledger.messages.stock.ReceiptRecorded;
import gr.solidarity.ledger.messages.stock.StockCommands.AdjustStock;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.stock.StockCommands.RecordPhysicalCount;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferLine;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferStock;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import java.time.LocalTime;
import java.time.DayOfWeek;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A short history of the network that produces every kind of event at least once, told through the ordinary commands
 * by the people whose job each step is. The corpus records it once per chapter; every run has fresh identities (new
 * ids, item codes, user names and tax numbers), so chapters recorded at different times never collide.
 * <p>
 * A new event type gets a step here, at the end, and a new chapter (see {@code HistoryCorpusRecorder}).
 */
final class CorpusStory {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    private final CommandGateway commands;
    private final LocalDate today = LocalDate.now(ATHENS);
    private final String run;
    private final Random random = new Random();
    private final Actor officer = new Actor("officer-" + UUID.randomUUID(), "Ελένη Οικονόμου", Role.OFFICER, null);
    private final Actor director = new Actor("director-" + UUID.randomUUID(), "Κώστας Δήμου", Role.DIRECTOR, null);
    private final Actor admin = new Actor("admin-" + UUID.randomUUID(), "Διαχειριστής", Role.ADMIN, null);

    CorpusStory(CommandGateway commands) {
        this.commands = commands;
        this.run = Integer.toString(100000 + random.nextInt(900000));
    }

    void tell() {
        String pasta = "P" + run + "-PASTA";
        String milk = "P" + run + "-MILK";
        String old = "P" + run + "-OLD";
        // the catalogue
        send(officer, new AddCatalogueItem(pasta, "Μακαρόνια 500 γρ.", "Pasta 500 g", ItemCategory.DRY_FOOD,
                UnitOfMeasure.PACK, false));
        send(officer, new AddCatalogueItem(milk, "Γάλα 1 λίτρο", "Milk 1 l", ItemCategory.DAIRY, UnitOfMeasure.L,
                true));
        send(officer, new ReviseCatalogueItem(milk, "Γάλα πλήρες 1 λίτρο", "Whole milk 1 l", ItemCategory.DAIRY, true));
        send(officer, new SetMinimumStockLevel(pasta, new BigDecimal("50")));
        send(officer, new AddCatalogueItem(old, "Φρυγανιές", "Rusks", ItemCategory.DRY_FOOD, UnitOfMeasure.PACK,
                false));
        send(officer, new RetireCatalogueItem(old, "Δεν διανέμεται πλέον."));

        // organisations and warehouses
        String donor = id();
        send(officer, new RegisterDonorCompany(donor, "Ηπειρωτικά Τρόφιμα Α.Ε.", taxNumber(),
                new ContactDetails("Μαρία Παπαδοπούλου", "info@example.gr", "2651000000"),
                new PostalAddress("Λεωφόρος Δωδώνης 10", "45221", "Ιωάννινα"), "1801"));
        send(officer, new VerifyOrganisation(donor, "ΓΕΜΗ"));
        String kitchen = id();
        send(officer, new RegisterRecipientStructure(kitchen, "Ενοριακό Συσσίτιο Αγίου Νικολάου",
                RecipientStructureType.PARISH_SOUP_KITCHEN, new ContactDetails("π. Γεώργιος", null, null),
                new PostalAddress("Αγίου Νικολάου 1", "45444", "Ιωάννινα"), "1801", new GeoPoint(39.665, 20.853), 120));
        send(officer, new VerifyOrganisation(kitchen, null));
        send(director, new SuspendOrganisation(kitchen, "Εκκρεμεί η ανανέωση της άδειας λειτουργίας."));
        send(director, new ReinstateOrganisation(kitchen, "Η άδεια ανανεώθηκε."));
        String ioannina = id();
        send(officer, new RegisterWarehouse(ioannina, "Κεντρική Αποθήκη Ιωαννίνων", "1801",
                new PostalAddress("ΒΙΠΕ Ιωαννίνων", null, "Ιωάννινα")));
        String preveza = id();
        send(officer, new RegisterWarehouse(preveza, "Αποθήκη Πρέβεζας", "2101", new PostalAddress("Λιμάνι", null,
                "Πρέβεζα")));

        // a pledge, amended, partly withdrawn, delivered with an excess
        String pledge = id();
        send(donorActor(donor), new MakePledge(pledge, donor, List.of(
                new PledgeLineRequest(pasta, new BigDecimal("100"), today.plusDays(2), null),
                new PledgeLineRequest(milk, new BigDecimal("40"), today.plusDays(2), today.plusDays(30)),
                new PledgeLineRequest(pasta, new BigDecimal("10"), today.plusDays(9), null)), "Χειμερινή καμπάνια."));
        send(donorActor(donor), new AmendPledgeLine(pledge, 1, new BigDecimal("120"), today.plusDays(3), null));
        send(donorActor(donor), new WithdrawPledgeLine(pledge, 3, "Δεν θα παραχθεί εγκαίρως."));
        String receipt = id();
        ReceiptRecorded received = send(officer, new ReceiveGoods(ioannina, receipt, pledge, null, today, List.of(
                new ReceiptLine(pasta, new BigDecimal("130"), today.plusMonths(10), "L2611", 1),
                new ReceiptLine(milk, new BigDecimal("40"), today.plusDays(25), "M-0412", 2))));
        String pastaLot = received.lotIds().get(0);
        String milkLot = received.lotIds().get(1);
        String withdrawn = id();
        send(donorActor(donor), new MakePledge(withdrawn, donor, List.of(
                new PledgeLineRequest(milk, new BigDecimal("20"), today.plusDays(5), today.plusDays(40))), null));
        send(donorActor(donor), new WithdrawPledge(withdrawn, "Η παραγωγή ακυρώθηκε."));

        // keeping the warehouse
        send(officer, new AdjustStock(ioannina, milkLot, new BigDecimal("-2"), AdjustmentReason.DAMAGED,
                "Δύο συσκευασίες σκισμένες."));
        send(officer, new RecordPhysicalCount(ioannina, pastaLot, new BigDecimal("129"), "Μηνιαία καταμέτρηση.",
                null));
        send(officer, new TransferStock(id(), ioannina, preveza, List.of(new TransferLine(pastaLot,
                new BigDecimal("20")))));

        // needs and allocations: served in full, rejected, cancelled
        String need = id();
        send(recipientActor(kitchen), new DeclareNeed(need, kitchen, List.of(
                new NeedLineRequest(pasta, new BigDecimal("60"), NeedPriority.URGENT, today.plusDays(7), 120),
                new NeedLineRequest(milk, new BigDecimal("30"), NeedPriority.NORMAL, today.plusDays(7), 120)),
                "Μερίδες της εβδομάδας."));
        send(recipientActor(kitchen), new AmendNeedLine(need, 2, new BigDecimal("20"), NeedPriority.URGENT,
                today.plusDays(5), 120));
        String rejected = id();
        send(officer, new ProposeAllocation(rejected, need, ioannina, List.of(
                new ProposedLine(1, new BigDecimal("60"), pastaLot)), "Πρώτη πρόταση."));
        send(director, new RejectAllocation(rejected, "Να συμπεριληφθεί και το γάλα."));
        String cancelled = id();
        send(officer, new ProposeAllocation(cancelled, need, ioannina, List.of(
                new ProposedLine(1, new BigDecimal("60"), null)), null));
        send(officer, new CancelAllocation(cancelled, "Λάθος αποθήκη."));
        String allocation = id();
        send(officer, new ProposeAllocation(allocation, need, ioannina, List.of(
                new ProposedLine(1, new BigDecimal("60"), pastaLot),
                new ProposedLine(2, new BigDecimal("20"), milkLot)), "Πλήρης κάλυψη."));
        send(director, new ApproveAllocation(allocation, "1234/2026", today, "ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ"));
        send(officer, new DispatchAllocation(allocation, "ΔΑ-" + run, today));
        send(recipientActor(kitchen), new ConfirmAllocationReceipt(allocation, today, List.of(
                new ReceivedLine(pastaLot, new BigDecimal("60"), null),
                new ReceivedLine(milkLot, new BigDecimal("20"), null))));
        String cancelledNeed = id();
        send(recipientActor(kitchen), new DeclareNeed(cancelledNeed, kitchen, List.of(
                new NeedLineRequest(pasta, new BigDecimal("10"), NeedPriority.NORMAL, today.plusDays(14), 40)),
                null));
        send(recipientActor(kitchen), new CancelNeed(cancelledNeed, "Καλύφθηκε από τον δήμο."));

        // accounts
        String username = "corpus" + run;
        send(admin, new CreateUserAccount(username, "Νίκος Γεωργίου", Role.RECIPIENT, kitchen,
                "$2a$10$corpus.hash.not.a.real.password.hash.for.history.tests0"));
        send(admin, new AssignUserRole(username, Role.OFFICER, null));
        send(admin, new ChangeUserPassword(username, "$2a$10$corpus.hash.changed.not.a.real.password.hash.tests00"));
        send(admin, new DisableUserAccount(username, "Αποχώρησε από τη Διεύθυνση."));
        send(admin, new EnableUserAccount(username));

        // a request retried safely carries its key
        sendOnce(officer, new SetMinimumStockLevel(milk, new BigDecimal("15")), "corpus-" + run);

        // the registry of social structures
        String grocery = id();
        send(officer, new RegisterStructure(grocery, new StructureEntry("Κοινωνικό Παντοπωλείο Ιωαννίνων",
                "Ioannina social grocery", StructureType.SOCIAL_GROCERY, List.of(TargetGroup.LOW_INCOME),
                new PostalAddress("Μιχαήλ Αγγέλου 3", "45221", "Ιωάννινα"), new GeoPoint(39.665, 20.853), "1801",
                new OpeningHours(List.of(new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 30))),
                        List.of(new Closure(today.plusDays(30), today.plusDays(40), "Καλοκαιρινή διακοπή"))),
                new PremisesAccessibility(true, false, null, "Ράμπα στην είσοδο"),
                new ContactDetails("Ελένη Καρρά", null, "+30 26510 11111"), 900, null, true, kitchen),
                List.of(StructureService.BASIC_GOODS, StructureService.FEEDING)));
        send(officer, new CorrectStructureDetails(grocery, new StructureEntry("Κοινωνικό Παντοπωλείο Ιωαννίνων",
                "Ioannina social grocery", StructureType.SOCIAL_GROCERY, List.of(TargetGroup.LOW_INCOME),
                new PostalAddress("Μιχαήλ Αγγέλου 5", "45221", "Ιωάννινα"), new GeoPoint(39.666, 20.854), "1801",
                null, null, new ContactDetails("Ελένη Καρρά", null, "+30 26510 11111"), 950, LocationVisibility.EXACT,
                true, kitchen)));
        send(officer, new ChangeStructureServices(grocery, List.of(StructureService.FEEDING,
                StructureService.COUNSELLING)));
        send(officer, new VerifyStructure(grocery, today, "Α. Κωστοπούλου, κοινωνική λειτουργός", "Επίσκεψη."));
        String shelter = id();
        send(officer, new RegisterStructure(shelter, new StructureEntry("Ξενώνας Φιλοξενίας Γυναικών", null,
                StructureType.SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE, List.of(TargetGroup.WOMEN_VICTIMS_OF_VIOLENCE),
                new PostalAddress("Οδός 1", null, "Ιωάννινα"), new GeoPoint(39.67, 20.86), "1801", null, null, null,
                14, null, false, null), List.of(StructureService.HOUSING)));
        send(officer, new CloseStructure(shelter, today, "Μεταφέρθηκε σε άλλο κτίριο."));
    }

    private <R> R send(Actor actor, Object command) {
        return commands.sendAndWait(command, MetaData.from(metaData(actor)));
    }

    private void sendOnce(Actor actor, Object command, String idempotencyKey) {
        Map<String, Object> metaData = new HashMap<>(metaData(actor));
        metaData.put("idempotencyKey", idempotencyKey);
        metaData.put("commandFingerprint", Integer.toHexString(command.hashCode()));
        commands.sendAndWait(command, MetaData.from(metaData));
    }

    private Map<String, Object> metaData(Actor actor) {
        Map<String, Object> metaData = new HashMap<>(actor.toMetaData());
        metaData.put(Actor.REQUEST_ID, UUID.randomUUID().toString());
        return metaData;
    }

    private Actor donorActor(String donor) {
        return new Actor("donor-user-" + run, "Μαρία Παπαδοπούλου", Role.DONOR, donor);
    }

    private Actor recipientActor(String recipient) {
        return new Actor("recipient-user-" + run, "π. Γεώργιος", Role.RECIPIENT, recipient);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** A valid ΑΦΜ: eight random digits and the check digit. */
    private String taxNumber() {
        int[] digits = new int[8];
        int sum = 0;
        StringBuilder number = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            digits[i] = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
            sum += digits[i] << (8 - i);
            number.append(digits[i]);
        }
        return number.append(sum % 11 % 10).toString();
    }
}
