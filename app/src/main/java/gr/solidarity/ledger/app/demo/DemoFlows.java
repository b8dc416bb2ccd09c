package gr.solidarity.ledger.app.demo;

import gr.solidarity.ledger.app.demo.DemoOrganisations.Donor;
import gr.solidarity.ledger.app.demo.DemoOrganisations.Recipient;
import gr.solidarity.ledger.app.demo.DemoOrganisations.Warehouse;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ApproveAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.CancelAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ConfirmAllocationReceipt;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.DispatchAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposeAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposedLine;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ReceivedLine;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.RejectAllocation;
import gr.solidarity.ledger.messages.need.NeedCommands.AmendNeedLine;
import gr.solidarity.ledger.messages.need.NeedCommands.CancelNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.DeclareNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.AmendPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.MakePledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.PledgeLineRequest;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledgeLine;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
import gr.solidarity.ledger.messages.stock.ReceiptRecorded;
import gr.solidarity.ledger.messages.stock.StockCommands.AdjustStock;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.stock.StockCommands.RecordPhysicalCount;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferLine;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferStock;
import gr.solidarity.ledger.messages.stock.TransferRecorded;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static gr.solidarity.ledger.app.demo.DemoCatalogue.APPLES;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.BABY_CEREAL;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.BABY_FORMULA;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.BEANS;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.BLANKET;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.BLEACH;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.BREAD;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.CHICKPEAS;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.CHICKPEAS_CAN;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.DETERGENT;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.DIAPERS;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.DISH_LIQUID;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.FETA;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.FLOUR;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.GAUZE;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.JUICE;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.LENTILS;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.MILK;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.OLIVE_OIL_1L;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.OLIVE_OIL_5L;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.ORANGES;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.ORZO;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.PARACETAMOL;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.PASSATA;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.RICE;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.SHAMPOO;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.SOAP;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.SOCKS;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.SPAGHETTI;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.SUGAR;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.TOOTHPASTE;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.TRAHANAS;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.TUNA;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.WATER;
import static gr.solidarity.ledger.app.demo.DemoCatalogue.YOGHURT;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.AGIA_MARINA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.AGIOS_DIMITRIOS_ARTA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.AGIOS_NIKOLAOS;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.ARTA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.ARTA_CITRUS;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.ARTA_MILLS;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.EPIRUS_PHARMA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.EPIRUS_SUPERMARKETS;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.FILIPPIADA_OIL;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.GROCERY_ARTA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.GROCERY_IGOUMENITSA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.GROCERY_IOANNINA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.GROCERY_PREVEZA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.IOANNINA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.KASTRO_BAKERY;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.MOLOSSOI_DAIRY;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.PARGA_OLIVES;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.PHARMACY_IOANNINA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.PINDOS_PASTA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.PREVEZA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.PREVEZA_TEXTILES;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.SHELTER_PREVEZA;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.SOCIAL_SERVICE_SOULI;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.SOLIDARITY_NGO;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.THESPROTIA_HYGIENE;
import static gr.solidarity.ledger.app.demo.DemoOrganisations.TZOUMERKA_WATER;
import static gr.solidarity.ledger.messages.need.NeedPriority.NORMAL;
import static gr.solidarity.ledger.messages.need.NeedPriority.URGENT;

/**
 * The life of the network over its first weeks, told through the ordinary commands: pledges, deliveries into the three
 * warehouses, stock corrections, needs of the structures and allocations in every state. Every date is relative to
 * today, because the command side refuses deliveries expected in the past and decisions dated in the future.
 */
final class DemoFlows {

    /** A goods line on arrival; {@code lot} names the lot for later steps, {@code expiresIn} days from today. */
    private record Arrival(String lot, String itemCode, String quantity, Integer expiresIn, String lotCode,
                           Integer pledgeLineNo) {
    }

    private final DemoCommands commands;
    private final LocalDate today;
    /** Readable lot names ("ioannina:milk") → lot ids the warehouses assigned. */
    private final Map<String, String> lots = new HashMap<>();
    private int protocolNumber = 1180;
    private int manifestNumber = 0;

    DemoFlows(DemoCommands commands, LocalDate today) {
        this.commands = commands;
        this.today = today;
    }

    void run() {
        pledgesAndDeliveries();
        warehouseKeeping();
        needsAndAllocations();
        DemoOrganisations.suspendNgo(commands);
    }

    // --- pledges and what arrived against them -----------------------------------------------------------------

    private void pledgesAndDeliveries() {
        String dairy = pledge("dairy-weekly", MOLOSSOI_DAIRY, "Εβδομαδιαία διάθεση γαλακτοκομικών προς τα συσσίτια.",
                line(MILK, "600", 0, 90), line(FETA, "120", 0, 60), line(YOGHURT, "200", 0, 20));
        receive("dairy-weekly", IOANNINA, dairy, null,
                arrival("ioannina:milk", MILK, "600", 88, "L5213A", 1),
                arrival("ioannina:feta", FETA, "120", 55, "ΦΤ-0412", 2),
                arrival("ioannina:yoghurt", YOGHURT, "200", 18, "Y0917", 3));

        String pasta = pledge("pasta-campaign", PINDOS_PASTA, "Δωρεά ζυμαρικών στο πλαίσιο της χειμερινής καμπάνιας.",
                line(SPAGHETTI, "2000", 0, null), line(ORZO, "800", 0, null), line(TRAHANAS, "400", 14, 300));
        receive("pasta-first-truck", IOANNINA, pasta, null,
                arrival("ioannina:spaghetti", SPAGHETTI, "1200", 540, "ZP-24-118", 1),
                arrival("ioannina:orzo", ORZO, "800", 540, "ZP-24-121", 2));

        String supermarket = pledge("supermarket-canned", EPIRUS_SUPERMARKETS,
                "Κονσέρβες και βρεφικά από την καμπάνια συλλογής στα καταστήματα.",
                line(TUNA, "500", 10, 720), line(CHICKPEAS_CAN, "400", 10, 720), line(JUICE, "300", 10, 150),
                line(BABY_FORMULA, "120", 10, 300));
        commands.send(new AmendPledgeLine(supermarket, 1, q("400"), today.plusDays(14), today.plusDays(720)));

        String flour = pledge("mill-flour", ARTA_MILLS, "Αλεύρι και ζάχαρη για τα παντοπωλεία της Άρτας.",
                line(FLOUR, "1500", 0, 270), line(SUGAR, "800", 0, null));
        receive("mill-flour-1", ARTA, flour, null,
                arrival("arta:flour-1", FLOUR, "1000", 270, "KA-0931", 1),
                arrival("arta:sugar", SUGAR, "800", null, "ZX-2207", 2));
        receive("mill-flour-2", ARTA, flour, null,
                arrival("arta:flour-2", FLOUR, "500", 275, "KA-0947", 1));

        String oil = pledge("louros-oil", FILIPPIADA_OIL, "Ελαιόλαδο νέας σοδειάς.",
                line(OLIVE_OIL_1L, "600", 0, 540), line(OLIVE_OIL_5L, "200", 0, 540));
        // The mill sent 50 bottles more than pledged; they are received and the excess is on record.
        receive("louros-oil", PREVEZA, oil, null,
                arrival("preveza:oil-1l", OLIVE_OIL_1L, "650", 540, "EL-25-031", 1),
                arrival("preveza:oil-5l", OLIVE_OIL_5L, "200", 540, "EL-25-032", 2));

        String parga = pledge("parga-oil", PARGA_OLIVES, "Ελαιόλαδο για τις δομές της Πρέβεζας.",
                line(OLIVE_OIL_1L, "300", 20, 540));
        commands.send(new WithdrawPledge(parga,
                "Η χαλαζόπτωση κατέστρεψε μεγάλο μέρος της σοδειάς· η εταιρεία αποσύρει τη δέσμευση."));

        String water = pledge("tzoumerka-water", TZOUMERKA_WATER, "Νερό για τους θερινούς μήνες.",
                line(WATER, "500", 0, 365));
        receive("tzoumerka-water", ARTA, water, null,
                arrival("arta:water", WATER, "500", 365, "PT-180", 1));

        String hygiene = pledge("hygiene-quarter", THESPROTIA_HYGIENE, "Είδη υγιεινής και καθαριότητας τριμήνου.",
                line(SOAP, "1000", 0, null), line(TOOTHPASTE, "600", 0, null), line(SHAMPOO, "400", 0, null),
                line(DIAPERS, "300", 7, null), line(DETERGENT, "250", 7, null), line(BLEACH, "300", 7, null));
        commands.send(new WithdrawPledgeLine(hygiene, 4,
                "Ο προμηθευτής πανών διέκοψε τη συνεργασία με την εταιρεία· η γραμμή αποσύρεται."));
        receive("hygiene-quarter-1", IOANNINA, hygiene, null,
                arrival("ioannina:soap", SOAP, "1000", null, null, 1),
                arrival("ioannina:toothpaste", TOOTHPASTE, "600", 730, "TP4471", 2),
                arrival("ioannina:shampoo", SHAMPOO, "400", 900, "SH0925", 3));

        String citrus = pledge("arta-citrus", ARTA_CITRUS, "Εσπεριδοειδή και μήλα από τα μέλη της ένωσης.",
                line(ORANGES, "1500", 0, 21), line(APPLES, "800", 0, 45));
        receive("arta-citrus", ARTA, citrus, null,
                arrival("arta:oranges", ORANGES, "1500", 21, "ΠΡ-ΝΑΒΕΛ-07", 1),
                arrival("arta:apples", APPLES, "800", 45, "ΜΗ-ΖΑΓ-02", 2));

        pledge("pharma-basics", EPIRUS_PHARMA, "Βασικά φαρμακευτικά για το κοινωνικό φαρμακείο.",
                line(PARACETAMOL, "300", 5, 720), line(GAUZE, "200", 5, null));

        String bread = pledge("bakery-bread", KASTRO_BAKERY, "Ψωμί της ημέρας για το συσσίτιο.",
                line(BREAD, "150", 0, 3));
        receive("bakery-bread", IOANNINA, bread, null,
                arrival("ioannina:bread", BREAD, "150", 3, null, 1));

        pledge("winter-textiles", PREVEZA_TEXTILES, "Κουβέρτες και κάλτσες για τον χειμώνα.",
                line(BLANKET, "300", 30, null), line(SOCKS, "400", 30, null));

        // Goods that arrived without a pledge.
        receive("supermarket-surplus", IOANNINA, null, EPIRUS_SUPERMARKETS,
                arrival("ioannina:rice", RICE, "600", 365, "R-2409", null),
                arrival("ioannina:lentils", LENTILS, "500", 400, "F-1187", null),
                arrival("ioannina:beans", BEANS, "400", 400, "B-0733", null),
                arrival("ioannina:chickpeas", CHICKPEAS, "300", 400, "C-0412", null),
                arrival("ioannina:passata", PASSATA, "800", 600, "TP-25-077", null),
                arrival("ioannina:tuna", TUNA, "400", 900, "TN9931", null),
                arrival("ioannina:baby-formula", BABY_FORMULA, "100", 240, "BF-7720", null),
                arrival("ioannina:baby-cereal", BABY_CEREAL, "150", 200, "BC-3301", null),
                arrival("ioannina:diapers", DIAPERS, "200", null, null, null));
        receive("hygiene-preveza", PREVEZA, null, THESPROTIA_HYGIENE,
                arrival("preveza:soap", SOAP, "300", null, null, null),
                arrival("preveza:toothpaste", TOOTHPASTE, "200", 700, "TP4480", null),
                arrival("preveza:detergent", DETERGENT, "100", null, "DT-11", null),
                arrival("preveza:dish-liquid", DISH_LIQUID, "150", null, "DL-58", null));
    }

    // --- corrections, counts and a transfer ---------------------------------------------------------------------

    private void warehouseKeeping() {
        adjust(IOANNINA, "ioannina:yoghurt", "-12", AdjustmentReason.SPOILED,
                "Βλάβη ψυκτικού θαλάμου τη νύχτα· 12 τεμάχια εκτός ορίων θερμοκρασίας, καταστράφηκαν με πρωτόκολλο.");
        adjust(IOANNINA, "ioannina:passata", "-14", AdjustmentReason.DAMAGED,
                "Σπασμένα βάζα κατά την εκφόρτωση της παλέτας.");
        adjust(ARTA, "arta:oranges", "-36.5", AdjustmentReason.SPOILED,
                "Μούχλα σε τρία τελάρα κατά τον ποιοτικό έλεγχο.");
        adjust(PREVEZA, "preveza:oil-5l", "2", AdjustmentReason.COUNT_CORRECTION,
                "Δύο δοχεία είχαν καταχωριστεί σε λάθος παλέτα κατά την παραλαβή.");
        commands.send(new RecordPhysicalCount(ARTA.id(), lots.get("arta:sugar"), q("796"),
                "Μηνιαία καταμέτρηση· βρέθηκαν τέσσερις συσκευασίες λιγότερες από τα βιβλία.", null));

        // Arta's groceries run short of pasta, rice and milk: part of Ioannina's stock moves there.
        TransferRecorded transfer = commands.send(new TransferStock(DemoIds.of("transfer:ioannina-arta-1"),
                IOANNINA.id(), ARTA.id(), List.of(
                        new TransferLine(lots.get("ioannina:spaghetti"), q("300")),
                        new TransferLine(lots.get("ioannina:rice"), q("150")),
                        new TransferLine(lots.get("ioannina:milk"), q("100")))));
        lots.put("arta:spaghetti", transfer.lotIds().get(0));
        lots.put("arta:rice", transfer.lotIds().get(1));
        lots.put("arta:milk", transfer.lotIds().get(2));
    }

    // --- needs of the structures and the allocations that serve them ------------------------------------------

    private void needsAndAllocations() {
        // Fulfilled: one allocation served every line in full.
        String kitchen = need("agios-nikolaos-week", AGIOS_NIKOLAOS, "Μερίδες της εβδομάδας για 180 άτομα.",
                needLine(SPAGHETTI, "200", URGENT, 3, 180), needLine(PASSATA, "150", URGENT, 3, 180),
                needLine(FETA, "30", NORMAL, 7, 180), needLine(BREAD, "100", URGENT, 1, 180));
        String a1 = propose("agios-nikolaos-week", kitchen, IOANNINA, "Πλήρης κάλυψη του αιτήματος.",
                allocate(1, "200", null), allocate(2, "150", null),
                allocate(3, "30", "ioannina:feta"), allocate(4, "100", "ioannina:bread"));
        approve(a1, "ΨΡ4Ξ46ΜΤΛΡ-7ΑΕ");
        dispatch(a1, IOANNINA);
        confirm(a1);

        // Partially served: one allocation received with a shortage, another still awaiting approval.
        String grocery = need("grocery-ioannina-month", GROCERY_IOANNINA, "Μηνιαίο αίτημα για 650 ωφελούμενους.",
                needLine(RICE, "300", NORMAL, 14, 650), needLine(LENTILS, "200", NORMAL, 14, 650),
                needLine(BEANS, "200", NORMAL, 21, 650), needLine(MILK, "300", URGENT, 7, 650),
                needLine(TUNA, "200", NORMAL, 21, 650), needLine(DIAPERS, "100", URGENT, 7, 45));
        String a2 = propose("grocery-ioannina-1", grocery, IOANNINA, "Πρώτη αποστολή: ρύζι, φακές, γάλα.",
                allocate(1, "300", null), allocate(2, "200", null), allocate(4, "300", "ioannina:milk"));
        approve(a2, "6Ω2Κ46ΜΤΛΡ-Β9Τ");
        dispatch(a2, IOANNINA);
        confirm(a2, new ReceivedLine(lots.get("ioannina:milk"), q("294"),
                "Έξι συσκευασίες βρέθηκαν σκισμένες κατά την παραλαβή και απορρίφθηκαν."));
        propose("grocery-ioannina-2", grocery, IOANNINA, "Δεύτερη αποστολή: όσπρια, τόνος, πάνες.",
                allocate(3, "200", null), allocate(5, "150", null), allocate(6, "100", null));

        // Approved, waiting for the truck.
        String artaGrocery = need("grocery-arta-month", GROCERY_ARTA, "Μηνιαίο αίτημα για 420 ωφελούμενους.",
                needLine(FLOUR, "300", NORMAL, 14, 420), needLine(SUGAR, "200", NORMAL, 14, 420),
                needLine(ORANGES, "400", URGENT, 5, 420), needLine(SPAGHETTI, "200", NORMAL, 14, 420),
                needLine(MILK, "80", URGENT, 7, 120));
        String a4 = propose("grocery-arta-1", artaGrocery, ARTA, "Από το απόθεμα της Άρτας και τη μεταφορά από Ιωάννινα.",
                allocate(1, "300", null), allocate(2, "200", null), allocate(3, "400", null),
                allocate(4, "200", "arta:spaghetti"), allocate(5, "80", "arta:milk"));
        approve(a4, "ΩΛ7Β46ΜΤΛΡ-Ζ3Ν");

        // Dispatched, not yet confirmed by the kitchen.
        String artaKitchen = need("agios-dimitrios-week", AGIOS_DIMITRIOS_ARTA, "Συσσίτιο της εβδομάδας.",
                needLine(SPAGHETTI, "80", URGENT, 2, 90), needLine(ORANGES, "150", URGENT, 2, 90),
                needLine(WATER, "100", NORMAL, 7, 90), needLine(APPLES, "100", NORMAL, 7, 90));
        String a5 = propose("agios-dimitrios-week", artaKitchen, ARTA, null,
                allocate(1, "80", null), allocate(2, "150", null), allocate(3, "100", null), allocate(4, "100", null));
        approve(a5, null);
        dispatch(a5, ARTA);

        // Rejected, then proposed again within the limit and received: the need stays partially served.
        String prevezaGrocery = need("grocery-preveza-month", GROCERY_PREVEZA, "Μηνιαίο αίτημα για 380 ωφελούμενους.",
                needLine(OLIVE_OIL_1L, "300", NORMAL, 21, 380), needLine(OLIVE_OIL_5L, "40", NORMAL, 21, 40),
                needLine(SOAP, "200", NORMAL, 21, 380), needLine(TOOTHPASTE, "150", NORMAL, 21, 380));
        String a6 = propose("grocery-preveza-1", prevezaGrocery, PREVEZA, null,
                allocate(1, "300", null), allocate(2, "40", null), allocate(3, "200", null), allocate(4, "150", null));
        commands.send(new RejectAllocation(a6, "Το ελαιόλαδο υπερβαίνει το μηνιαίο όριο ανά ωφελούμενο· "
                + "να υποβληθεί νέα πρόταση με έως 200 φιάλες του 1 l."));
        String a7 = propose("grocery-preveza-2", prevezaGrocery, PREVEZA, "Νέα πρόταση εντός ορίου.",
                allocate(1, "200", "preveza:oil-1l"), allocate(2, "40", "preveza:oil-5l"),
                allocate(3, "200", null), allocate(4, "150", null));
        approve(a7, "Β8ΥΡ46ΜΤΛΡ-Κ1Ο");
        dispatch(a7, PREVEZA);
        confirm(a7);

        // Approved, then cancelled; the kitchen then closed its need.
        String marina = need("agia-marina-week", AGIA_MARINA, "Γαλακτοκομικά για το πρωινό συσσίτιο.",
                needLine(YOGHURT, "60", URGENT, 3, 120), needLine(MILK, "50", URGENT, 3, 120));
        String a8 = propose("agia-marina-week", marina, IOANNINA, null,
                allocate(1, "60", "ioannina:yoghurt"), allocate(2, "50", null));
        approve(a8, null);
        commands.send(new CancelAllocation(a8, "Το συσσίτιο ανέστειλε προσωρινά τη λειτουργία του λόγω εργασιών "
                + "στην κουζίνα και δεν μπορεί να παραλάβει ευπαθή."));
        commands.send(new CancelNeed(marina, "Αναστολή λειτουργίας του συσσιτίου έως την ολοκλήρωση των εργασιών· "
                + "νέο αίτημα θα υποβληθεί με την επαναλειτουργία."));

        // Open, one line amended before any allocation.
        String igoumenitsa = need("grocery-igoumenitsa-month", GROCERY_IGOUMENITSA, "Μηνιαίο αίτημα.",
                needLine(RICE, "100", NORMAL, 21, 260), needLine(CHICKPEAS, "100", NORMAL, 21, 260),
                needLine(BABY_FORMULA, "40", NORMAL, 14, 18), needLine(DIAPERS, "60", NORMAL, 14, 18));
        commands.send(new AmendNeedLine(igoumenitsa, 3, q("60"), URGENT, today.plusDays(7), 25));

        // Open, waiting for stock that is pledged but not delivered.
        need("pharmacy-basics", PHARMACY_IOANNINA, "Αναλγητικά και υλικά περιποίησης τραυμάτων.",
                needLine(PARACETAMOL, "100", URGENT, 10, 900), needLine(GAUZE, "80", NORMAL, 30, 900));
        need("shelter-winter", SHELTER_PREVEZA, "Προετοιμασία για τον χειμώνα.",
                needLine(BLANKET, "40", URGENT, 20, 35), needLine(SOCKS, "60", NORMAL, 30, 35));
        need("souli-households", SOCIAL_SERVICE_SOULI, "Δέματα για οικογένειες ορεινών χωριών.",
                needLine(LENTILS, "80", NORMAL, 21, 140), needLine(PASSATA, "100", NORMAL, 21, 140),
                needLine(SOAP, "100", NORMAL, 21, 140));

        // Fulfilled before the organisation was suspended.
        String ngo = need("ngo-infants", SOLIDARITY_NGO, "Βρεφικά είδη για 40 οικογένειες με νεογνά.",
                needLine(BABY_CEREAL, "60", URGENT, 7, 40), needLine(BABY_FORMULA, "30", URGENT, 7, 40),
                needLine(DIAPERS, "40", URGENT, 7, 40));
        String a9 = propose("ngo-infants", ngo, IOANNINA, null,
                allocate(1, "60", "ioannina:baby-cereal"), allocate(2, "30", "ioannina:baby-formula"),
                allocate(3, "40", "ioannina:diapers"));
        approve(a9, null);
        dispatch(a9, IOANNINA);
        confirm(a9);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private PledgeLineRequest line(String itemCode, String quantity, int deliveryInDays, Integer bestBeforeInDays) {
        return new PledgeLineRequest(itemCode, q(quantity), today.plusDays(deliveryInDays),
                bestBeforeInDays == null ? null : today.plusDays(bestBeforeInDays));
    }

    private String pledge(String key, Donor donor, String note, PledgeLineRequest... lines) {
        return commands.send(new MakePledge(DemoIds.of("pledge:" + key), donor.id(), List.of(lines), note));
    }

    private static Arrival arrival(String lot, String itemCode, String quantity, Integer expiresIn, String lotCode,
                                   Integer pledgeLineNo) {
        return new Arrival(lot, itemCode, quantity, expiresIn, lotCode, pledgeLineNo);
    }

    /** Against a pledge when {@code pledgeId} is given, otherwise an unsolicited donation of {@code donor}. */
    private void receive(String key, Warehouse warehouse, String pledgeId, Donor donor, Arrival... arrivals) {
        List<ReceiptLine> lines = new ArrayList<>();
        for (Arrival arrival : arrivals) {
            lines.add(new ReceiptLine(arrival.itemCode(), q(arrival.quantity()),
                    arrival.expiresIn() == null ? null : today.plusDays(arrival.expiresIn()), arrival.lotCode(),
                    arrival.pledgeLineNo()));
        }
        ReceiptRecorded receipt = commands.send(new ReceiveGoods(warehouse.id(), DemoIds.of("receipt:" + key),
                pledgeId, donor == null ? null : donor.id(), today, lines));
        for (int i = 0; i < arrivals.length; i++) {
            lots.put(arrivals[i].lot(), receipt.lotIds().get(i));
        }
    }

    private void adjust(Warehouse warehouse, String lot, String delta, AdjustmentReason reason, String comment) {
        commands.send(new AdjustStock(warehouse.id(), lots.get(lot), q(delta), reason, comment));
    }

    private NeedLineRequest needLine(String itemCode, String quantity, NeedPriority priority, int neededInDays,
                                     int beneficiaries) {
        return new NeedLineRequest(itemCode, q(quantity), priority, today.plusDays(neededInDays), beneficiaries);
    }

    private String need(String key, Recipient recipient, String note, NeedLineRequest... lines) {
        return commands.send(new DeclareNeed(DemoIds.of("need:" + key), recipient.id(), List.of(lines), note));
    }

    /** {@code lot} is a readable lot name, or null to let the warehouse pick first-expiry-first-out. */
    private ProposedLine allocate(int needLineNo, String quantity, String lot) {
        return new ProposedLine(needLineNo, q(quantity), lot == null ? null : lots.get(lot));
    }

    private String propose(String key, String needId, Warehouse warehouse, String note, ProposedLine... lines) {
        return commands.send(new ProposeAllocation(DemoIds.of("allocation:" + key), needId, warehouse.id(),
                List.of(lines), note));
    }

    /** {@code ada} is the decision's Diavgeia id, null when it was not published there. */
    private void approve(String allocationId, String ada) {
        commands.send(new ApproveAllocation(allocationId,
                "Αρ. Πρωτ. " + (protocolNumber++) + "/" + today.getYear(), today, ada));
    }

    private void dispatch(String allocationId, Warehouse warehouse) {
        String prefix = switch (warehouse.key()) {
            case "ioannina" -> "ΙΩΑ";
            case "arta" -> "ΑΡΤ";
            default -> "ΠΡΕ";
        };
        commands.send(new DispatchAllocation(allocationId,
                "ΔΑ-" + prefix + "-" + today.getYear() + "-" + String.format("%04d", ++manifestNumber), today));
    }

    /** Lots not listed arrived in full. */
    private void confirm(String allocationId, ReceivedLine... differences) {
        commands.send(new ConfirmAllocationReceipt(allocationId, today, List.of(differences)));
    }

    private static BigDecimal q(String quantity) {
        return new BigDecimal(quantity);
    }
}
