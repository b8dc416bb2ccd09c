package gr.solidarity.ledger.projection.audit;

import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationApproved;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationCancelled;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationDispatched;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationProposed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationRejected;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRetired;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.MinimumStockLevelSet;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountCreated;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountDisabled;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountEnabled;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserPasswordChanged;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserRoleAssigned;
import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedAllocated;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedAllocationReleased;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedCancelled;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeclared;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeliveryRecorded;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedFulfilled;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLineAmended;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.DonorCompanyRegistered;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationReinstated;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.TaxNumberClaimed;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationSuspended;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationVerified;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeDeliveryRecorded;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeFulfilled;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineAmended;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineOverDelivered;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineWithdrawn;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeMade;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeWithdrawn;
import gr.solidarity.ledger.messages.request.RequestEvents.IdempotentRequestProcessed;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.PhysicalCountRecorded;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservationReleased;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedStockDispatched;
import gr.solidarity.ledger.messages.stock.StockEvents.StockAdjusted;
import gr.solidarity.ledger.messages.stock.StockEvents.StockReserved;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredIn;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredOut;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureClosed;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureDetailsCorrected;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureRegistered;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureServicesChanged;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureVerified;
import gr.solidarity.ledger.messages.warehouse.WarehouseEvents.WarehouseRegistered;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** One line in Greek and in English telling what an event means, for people reading the trail years later. */
final class AuditSummaries {

    /** Reasons and notes are free text; a summary stays one readable line. */
    private static final int MAX_TEXT = 160;

    record Summary(String el, String en) {
    }

    private static final Map<Class<?>, Function<Object, Summary>> SUMMARIES = new HashMap<>();

    static {
        // organisations
        on(DonorCompanyRegistered.class, e -> new Summary(
                "Καταχωρίστηκε η δωρήτρια εταιρεία «" + e.legalName() + "» (ΑΦΜ " + e.taxNumber() + ")",
                "Donor company " + e.legalName() + " registered (tax number " + e.taxNumber() + ")"));
        on(RecipientStructureRegistered.class, e -> new Summary(
                "Καταχωρίστηκε η δομή «" + e.name() + "» που εξυπηρετεί " + e.beneficiariesServed() + " ωφελούμενους",
                "Recipient structure " + e.name() + " registered, serving " + e.beneficiariesServed() + " people"));
        on(OrganisationVerified.class, e -> new Summary(
                "Ο φορέας επαληθεύτηκε" + colon(e.note()), "Organisation verified" + colon(e.note())));
        on(OrganisationSuspended.class, e -> new Summary(
                "Ο φορέας τέθηκε σε αναστολή" + colon(e.reason()), "Organisation suspended" + colon(e.reason())));
        on(TaxNumberClaimed.class, e -> new Summary(
                "Ο ΑΦΜ " + e.taxNumber() + " δεσμεύτηκε για τη δωρήτρια εταιρεία",
                "Tax number " + e.taxNumber() + " taken by the donor company"));
        on(OrganisationReinstated.class, e -> new Summary(
                "Ο φορέας επανήλθε σε ισχύ" + colon(e.note()), "Organisation reinstated" + colon(e.note())));
        // warehouses
        on(WarehouseRegistered.class, e -> new Summary(
                "Καταχωρίστηκε η αποθήκη «" + e.name() + "»", "Warehouse " + e.name() + " registered"));
        // the registry of social structures
        on(StructureRegistered.class, e -> new Summary(
                "Καταχωρίστηκε στο μητρώο η δομή «" + e.details().nameEl() + "» (" + e.details().type().labelEl() + ")",
                "Structure " + e.details().nameEl() + " (" + e.details().type().labelEn() + ") entered in the registry"));
        on(StructureDetailsCorrected.class, e -> new Summary(
                "Διορθώθηκαν τα στοιχεία της δομής «" + e.details().nameEl() + "»",
                "Details of structure " + e.details().nameEl() + " corrected"));
        on(StructureServicesChanged.class, e -> new Summary(
                "Άλλαξαν οι υπηρεσίες της δομής: " + count(e.added().size(), "νέα", "νέες") + ", "
                        + count(e.removed().size(), "αποσύρθηκε", "αποσύρθηκαν"),
                "Services of the structure changed: " + e.added().size() + " added, " + e.removed().size() + " withdrawn"));
        on(StructureVerified.class, e -> new Summary(
                "Η δομή επαληθεύτηκε στις " + e.verifiedOn() + " από " + e.verifiedBy() + colon(e.note()),
                "Structure verified on " + e.verifiedOn() + " by " + e.verifiedBy() + colon(e.note())));
        on(StructureClosed.class, e -> new Summary(
                "Η δομή έπαψε να λειτουργεί στις " + e.closedOn() + colon(e.reason()),
                "Structure closed on " + e.closedOn() + colon(e.reason())));
        // catalogue
        on(CatalogueItemAdded.class, e -> new Summary(
                "Προστέθηκε στον κατάλογο το είδος «" + e.nameEl() + "» (" + e.itemCode() + ")",
                "Item " + e.nameEn() + " (" + e.itemCode() + ") added to the catalogue"));
        on(CatalogueItemRevised.class, e -> new Summary(
                "Αναθεωρήθηκε το είδος «" + e.nameEl() + "» (" + e.itemCode() + ")",
                "Item " + e.nameEn() + " (" + e.itemCode() + ") revised"));
        on(CatalogueItemRetired.class, e -> new Summary(
                "Αποσύρθηκε από τον κατάλογο το είδος " + e.itemCode() + colon(e.reason()),
                "Item " + e.itemCode() + " retired from the catalogue" + colon(e.reason())));
        on(MinimumStockLevelSet.class, e -> new Summary(
                "Ορίστηκε ελάχιστο απόθεμα " + number(e.minimum()) + " για το είδος " + e.itemCode(),
                "Minimum stock of " + e.itemCode() + " set to " + number(e.minimum())));
        // pledges
        on(PledgeMade.class, e -> new Summary(
                "Η δέσμευση δωρεάς " + count(e.lines().size(), "γραμμής", "γραμμών") + " καταχωρίστηκε",
                "Pledge of " + count(e.lines().size(), "line", "lines") + " made"));
        on(PledgeLineAmended.class, e -> new Summary(
                "Τροποποιήθηκε η γραμμή " + e.lineNo() + " της δέσμευσης δωρεάς: ποσότητα " + number(e.quantity()),
                "Pledge line " + e.lineNo() + " amended: quantity " + number(e.quantity())));
        on(PledgeLineWithdrawn.class, e -> new Summary(
                "Αποσύρθηκε η γραμμή " + e.lineNo() + " της δέσμευσης δωρεάς" + colon(e.reason()),
                "Pledge line " + e.lineNo() + " withdrawn" + colon(e.reason())));
        on(PledgeWithdrawn.class, e -> new Summary(
                "Η δέσμευση δωρεάς αποσύρθηκε" + colon(e.reason()), "Pledge withdrawn" + colon(e.reason())));
        on(PledgeDeliveryRecorded.class, e -> new Summary(
                "Παραδόθηκαν " + number(e.quantity()) + " " + e.itemCode() + " για τη γραμμή " + e.lineNo()
                        + " της δέσμευσης (σύνολο " + number(e.deliveredTotal()) + ")",
                number(e.quantity()) + " " + e.itemCode() + " delivered against pledge line " + e.lineNo()
                        + " (total " + number(e.deliveredTotal()) + ")"));
        on(PledgeLineOverDelivered.class, e -> new Summary(
                "Η γραμμή " + e.lineNo() + " της δέσμευσης παραδόθηκε με " + number(e.excess())
                        + " περισσότερα από τα " + number(e.pledged()) + " που δεσμεύτηκαν",
                "Pledge line " + e.lineNo() + " over-delivered by " + number(e.excess()) + " above the "
                        + number(e.pledged()) + " pledged"));
        on(PledgeFulfilled.class, e -> new Summary(
                "Η δέσμευση δωρεάς εκπληρώθηκε πλήρως", "Pledge fulfilled"));
        // stock
        on(GoodsReceived.class, e -> new Summary(
                "Παραλήφθηκαν είδη στην αποθήκη: " + count(e.lots().size(), "παρτίδα", "παρτίδες")
                        + (e.pledgeId() == null ? ", αυτόκλητη δωρεά" : ", έναντι δέσμευσης δωρεάς"),
                "Goods received: " + count(e.lots().size(), "lot", "lots")
                        + (e.pledgeId() == null ? ", unsolicited donation" : ", against a pledge")));
        on(StockAdjusted.class, e -> new Summary(
                "Διόρθωση αποθέματος " + e.itemCode() + " κατά " + signed(e.quantityDelta()) + " ("
                        + reasonEl(e.reason()) + "), υπόλοιπο " + number(e.onHandAfter()),
                "Stock of " + e.itemCode() + " adjusted by " + signed(e.quantityDelta()) + " ("
                        + reasonEn(e.reason()) + "), now " + number(e.onHandAfter())));
        on(PhysicalCountRecorded.class, e -> new Summary(
                "Καταμέτρηση " + e.itemCode() + " στις " + e.countedOn() + ": μετρήθηκαν "
                        + number(e.countedQuantity()) + " έναντι " + number(e.previousOnHand()) + " στα βιβλία, διαφορά "
                        + signed(countDifference(e)),
                "Count of " + e.itemCode() + " on " + e.countedOn() + ": " + number(e.countedQuantity())
                        + " counted against " + number(e.previousOnHand()) + " on record, difference "
                        + signed(countDifference(e))));
        on(StockTransferredOut.class, e -> new Summary(
                "Μεταφορά " + count(e.lines().size(), "παρτίδας", "παρτίδων") + " προς άλλη αποθήκη",
                "Transfer of " + count(e.lines().size(), "lot", "lots") + " sent to another warehouse"));
        on(StockTransferredIn.class, e -> new Summary(
                "Παραλήφθηκε μεταφορά " + count(e.lots().size(), "παρτίδας", "παρτίδων") + " από άλλη αποθήκη",
                "Transfer of " + count(e.lots().size(), "lot", "lots") + " received from another warehouse"));
        on(StockReserved.class, e -> new Summary(
                "Δεσμεύτηκε απόθεμα για διάθεση (" + count(e.lines().size(), "γραμμή", "γραμμές") + ")",
                "Stock reserved for an allocation (" + count(e.lines().size(), "line", "lines") + ")"));
        on(ReservationReleased.class, e -> new Summary(
                "Αποδεσμεύτηκε το απόθεμα μιας διάθεσης" + colon(e.reason()),
                "Stock reservation released" + colon(e.reason())));
        on(ReservedStockDispatched.class, e -> new Summary(
                "Το δεσμευμένο απόθεμα εξήλθε με το δελτίο αποστολής " + e.manifestNumber(),
                "Reserved stock left the warehouse, manifest " + e.manifestNumber()));
        // needs
        on(NeedDeclared.class, e -> new Summary(
                "Δηλώθηκε ανάγκη " + count(e.lines().size(), "γραμμής", "γραμμών"),
                "Need of " + count(e.lines().size(), "line", "lines") + " declared"));
        on(NeedLineAmended.class, e -> new Summary(
                "Τροποποιήθηκε η γραμμή " + e.lineNo() + " της ανάγκης: ποσότητα " + number(e.quantity()),
                "Need line " + e.lineNo() + " amended: quantity " + number(e.quantity())));
        on(NeedCancelled.class, e -> new Summary(
                "Η ανάγκη ακυρώθηκε" + colon(e.reason()), "Need cancelled" + colon(e.reason())));
        on(NeedAllocated.class, e -> new Summary(
                "Η ανάγκη καλύπτεται από διάθεση σε " + count(e.lines().size(), "γραμμή", "γραμμές"),
                "Need covered by an allocation on " + count(e.lines().size(), "line", "lines")));
        on(NeedAllocationReleased.class, e -> new Summary(
                "Η διάθεση για την ανάγκη αποδεσμεύτηκε" + colon(e.reason()),
                "Allocation against the need released" + colon(e.reason())));
        on(NeedDeliveryRecorded.class, e -> new Summary(
                "Καταγράφηκε παράδοση για την ανάγκη σε " + count(e.lines().size(), "γραμμή", "γραμμές"),
                "Delivery against the need recorded on " + count(e.lines().size(), "line", "lines")));
        on(NeedFulfilled.class, e -> new Summary("Η ανάγκη καλύφθηκε πλήρως", "Need fulfilled"));
        // allocations
        on(AllocationProposed.class, e -> new Summary(
                "Προτάθηκε διάθεση " + count(e.lines().size(), "γραμμής", "γραμμών"),
                "Allocation of " + count(e.lines().size(), "line", "lines") + " proposed"));
        on(AllocationApproved.class, e -> new Summary(
                "Εγκρίθηκε η διάθεση με αρ. πρωτ. " + e.protocolNumber() + ada(e.ada()),
                "Allocation approved, protocol " + e.protocolNumber() + ada(e.ada())));
        on(AllocationRejected.class, e -> new Summary(
                "Απορρίφθηκε η διάθεση" + colon(e.reason()), "Allocation rejected" + colon(e.reason())));
        on(AllocationCancelled.class, e -> new Summary(
                "Ακυρώθηκε η διάθεση" + colon(e.reason()), "Allocation cancelled" + colon(e.reason())));
        on(AllocationDispatched.class, e -> new Summary(
                "Η διάθεση απεστάλη με το δελτίο αποστολής " + e.manifestNumber(),
                "Allocation dispatched, manifest " + e.manifestNumber()));
        on(AllocationReceiptConfirmed.class, e -> {
            long differing = e.lines().stream().filter(line -> line.difference().signum() != 0).count();
            return new Summary(
                    "Ο παραλήπτης επιβεβαίωσε την παραλαβή της διάθεσης"
                            + (differing == 0 ? "" : " (διαφορές σε " + count(differing, "γραμμή", "γραμμές") + ")"),
                    "Recipient confirmed receipt of the allocation"
                            + (differing == 0 ? "" : " (differences on " + count(differing, "line", "lines") + ")"));
        });
        // requests
        on(IdempotentRequestProcessed.class, e -> new Summary(
                "Εκτελέστηκε το αίτημα " + simpleName(e.commandName()) + " με κλειδί επανάληψης",
                "Request " + simpleName(e.commandName()) + " carried out with an idempotency key"));
        on(UserAccountCreated.class, e -> new Summary(
                "Δημιουργήθηκε λογαριασμός χρήστη " + e.username() + " (" + roleEl(e.role()) + ")"
                        + ofOrganisation(e.organisationId()),
                "User account " + e.username() + " created (" + e.role() + ")" + ofOrganisation(e.organisationId())));
        on(UserRoleAssigned.class, e -> new Summary(
                "Ο χρήστης " + e.username() + " πήρε ρόλο " + roleEl(e.role()) + ofOrganisation(e.organisationId()),
                "User " + e.username() + " given the role " + e.role() + ofOrganisation(e.organisationId())));
        on(UserPasswordChanged.class, e -> new Summary(
                "Άλλαξε ο κωδικός πρόσβασης του χρήστη " + e.username(),
                "Password of user " + e.username() + " changed"));
        on(UserAccountDisabled.class, e -> new Summary(
                "Απενεργοποιήθηκε ο λογαριασμός " + e.username() + colon(e.reason()),
                "User account " + e.username() + " disabled" + colon(e.reason())));
        on(UserAccountEnabled.class, e -> new Summary(
                "Ενεργοποιήθηκε ξανά ο λογαριασμός " + e.username(),
                "User account " + e.username() + " enabled again"));
    }

    private static String ofOrganisation(String organisationId) {
        return organisationId == null ? "" : " · " + organisationId;
    }

    private static String roleEl(Role role) {
        if (role == null) {
            return "χωρίς ρόλο";
        }
        return switch (role) {
            case DONOR -> "δωρητής";
            case RECIPIENT -> "δομή αποδεκτών";
            case OFFICER -> "υπάλληλος Διεύθυνσης";
            case DIRECTOR -> "προϊστάμενος/διευθυντής";
            case AUDITOR -> "ελεγκτής";
            case ADMIN -> "διαχειριστής";
        };
    }

    private AuditSummaries() {
    }

    static boolean covers(Class<?> eventType) {
        return SUMMARIES.containsKey(eventType);
    }

    /** The summary of an event; an event type unknown here still gets a line naming it. */
    static Summary of(Object payload) {
        Function<Object, Summary> summary = SUMMARIES.get(payload.getClass());
        if (summary == null) {
            String type = payload.getClass().getSimpleName();
            return new Summary("Συμβάν " + type, "Event " + type);
        }
        return summary.apply(payload);
    }

    private static <T> void on(Class<T> type, Function<T, Summary> summary) {
        SUMMARIES.put(type, payload -> summary.apply(type.cast(payload)));
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String number(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }

    /** The difference as recorded, or as it follows from the two quantities when it was not. */
    private static BigDecimal countDifference(PhysicalCountRecorded event) {
        if (event.difference() != null) {
            return event.difference();
        }
        if (event.countedQuantity() == null || event.previousOnHand() == null) {
            return BigDecimal.ZERO;
        }
        return event.countedQuantity().subtract(event.previousOnHand());
    }

    private static String signed(BigDecimal value) {
        return value != null && value.signum() > 0 ? "+" + number(value) : number(value);
    }

    private static String colon(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() > MAX_TEXT ? line.substring(0, MAX_TEXT - 1) + "…" : line);
    }

    /** Command names are qualified class names; the last part says enough. */
    private static String simpleName(String commandName) {
        if (commandName == null) {
            return "?";
        }
        return commandName.substring(Math.max(commandName.lastIndexOf('.'), commandName.lastIndexOf('$')) + 1);
    }

    private static String ada(String ada) {
        return ada == null || ada.isBlank() ? "" : ", ΑΔΑ " + ada;
    }

    private static String reasonEl(AdjustmentReason reason) {
        if (reason == null) {
            return "χωρίς αιτία";
        }
        return switch (reason) {
            case SPOILED -> "χαλασμένο";
            case EXPIRED -> "ληγμένο";
            case DAMAGED -> "κατεστραμμένο";
            case COUNT_CORRECTION -> "διόρθωση καταμέτρησης";
            case OTHER -> "άλλη αιτία";
        };
    }

    private static String reasonEn(AdjustmentReason reason) {
        if (reason == null) {
            return "no reason";
        }
        return switch (reason) {
            case SPOILED -> "spoiled";
            case EXPIRED -> "expired";
            case DAMAGED -> "damaged";
            case COUNT_CORRECTION -> "count correction";
            case OTHER -> "other";
        };
    }
}
