package gr.solidarity.ledger.app.demo;

import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.RetireCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.ReviseCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.util.List;

import static gr.solidarity.ledger.messages.catalogue.ItemCategory.BABY_FOOD;
import static gr.solidarity.ledger.messages.catalogue.ItemCategory.BEVERAGES;
import static gr.solidarity.ledger.messages.catalogue.ItemCategory.CANNED;
import static gr.solidarity.ledger.messages.catalogue.ItemCategory.CLEANING;
import static gr.solidarity.ledger.messages.catalogue.ItemCategory.CLOTHING;
import static gr.solidarity.ledger.messages.catalogue.ItemCategory.DAIRY;
import static gr.solidarity.ledger.messages.catalogue.ItemCategory.DRY_FOOD;
import static gr.solidarity.ledger.messages.catalogue.ItemCategory.FRESH;
import static gr.solidarity.ledger.messages.catalogue.ItemCategory.HYGIENE;
import static gr.solidarity.ledger.messages.catalogue.ItemCategory.OILS;
import static gr.solidarity.ledger.messages.catalogue.ItemCategory.PHARMACY;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.KG;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.L;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.PACK;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.PIECE;

/** The network's item catalogue (κωδικολόγιο): what donors give and structures ask for. */
final class DemoCatalogue {

    record Item(String code, String nameEl, String nameEn, ItemCategory category, UnitOfMeasure unit,
                boolean perishable) {
    }

    // Codes used by the flows.
    static final String SPAGHETTI = "PASTA-SPAG-500";
    static final String ORZO = "PASTA-KRITH-500";
    static final String RICE = "RICE-KAROL-1KG";
    static final String RICE_BULK = "RICE-BULK";
    static final String LENTILS = "LENTILS-500";
    static final String BEANS = "BEANS-500";
    static final String CHICKPEAS = "CHICKPEAS-500";
    static final String FLOUR = "FLOUR-1KG";
    static final String SUGAR = "SUGAR-1KG";
    static final String TRAHANAS = "TRAHANAS-500";
    static final String PASSATA = "TOMATO-PASSATA-500";
    static final String TUNA = "TUNA-160";
    static final String CHICKPEAS_CAN = "CHICKPEAS-CAN-400";
    static final String MILK = "MILK-UHT-1L";
    static final String FETA = "FETA-PDO";
    static final String YOGHURT = "YOGHURT-1KG";
    static final String BREAD = "BREAD-1KG";
    static final String ORANGES = "ORANGES";
    static final String APPLES = "APPLES";
    static final String OLIVE_OIL_1L = "OLIVE-OIL-1L";
    static final String OLIVE_OIL_5L = "OLIVE-OIL-5L";
    static final String BABY_FORMULA = "BABY-FORMULA-1";
    static final String BABY_CEREAL = "BABY-CEREAL-300";
    static final String WATER = "WATER-6X1500";
    static final String JUICE = "JUICE-ORANGE-1L";
    static final String SOAP = "SOAP-BAR-125";
    static final String TOOTHPASTE = "TOOTHPASTE-75";
    static final String SHAMPOO = "SHAMPOO-400";
    static final String DIAPERS = "DIAPERS-4";
    static final String DETERGENT = "DETERGENT-LAUNDRY";
    static final String DISH_LIQUID = "DISHWASH-LIQ-1L";
    static final String BLEACH = "BLEACH-2L";
    static final String PARACETAMOL = "PARACETAMOL-500";
    static final String GAUZE = "GAUZE-STERILE";
    static final String BLANKET = "BLANKET-WOOL";
    static final String SOCKS = "SOCKS-WINTER";

    static final List<Item> ITEMS = List.of(
            new Item(SPAGHETTI, "Μακαρόνια σπαγγέτι Νο 10, 500 g", "Spaghetti no 10, 500 g", DRY_FOOD, PACK, false),
            new Item(ORZO, "Κριθαράκι, 500 g", "Orzo pasta, 500 g", DRY_FOOD, PACK, false),
            new Item(RICE, "Ρύζι καρολίνα, 1 kg", "Carolina rice, 1 kg", DRY_FOOD, PACK, false),
            new Item(RICE_BULK, "Ρύζι γλασέ χύμα", "Glacé rice, bulk", DRY_FOOD, KG, false),
            new Item(LENTILS, "Φακές ψιλές, 500 g", "Small lentils, 500 g", DRY_FOOD, PACK, false),
            new Item(BEANS, "Φασόλια μέτρια, 500 g", "White beans, medium, 500 g", DRY_FOOD, PACK, false),
            new Item(CHICKPEAS, "Ρεβίθια, 500 g", "Chickpeas, 500 g", DRY_FOOD, PACK, false),
            new Item(FLOUR, "Αλεύρι για όλες τις χρήσεις, 1 kg", "All-purpose flour, 1 kg", DRY_FOOD, PACK, false),
            new Item(SUGAR, "Ζάχαρη λευκή, 1 kg", "White sugar, 1 kg", DRY_FOOD, PACK, false),
            new Item(TRAHANAS, "Τραχανάς ξινός, 500 g", "Sour trahanas, 500 g", DRY_FOOD, PACK, false),
            new Item(PASSATA, "Τομάτα πασάτα σε βάζο, 500 g", "Tomato passata in jar, 500 g", CANNED, PIECE, false),
            new Item(TUNA, "Τόνος σε ελαιόλαδο, 160 g", "Tuna in olive oil, 160 g", CANNED, PIECE, false),
            new Item(CHICKPEAS_CAN, "Ρεβίθια κονσέρβα, 400 g", "Canned chickpeas, 400 g", CANNED, PIECE, false),
            new Item("SARDINES-100", "Σαρδέλες σε λάδι, 100 g", "Sardines in oil, 100 g", CANNED, PIECE, false),
            new Item(MILK, "Γάλα UHT πλήρες, 1 l", "Whole UHT milk, 1 l", DAIRY, L, true),
            new Item(FETA, "Φέτα ΠΟΠ", "Feta cheese PDO", DAIRY, KG, true),
            new Item(YOGHURT, "Γιαούρτι στραγγιστό, 1 kg", "Strained yoghurt, 1 kg", DAIRY, PIECE, true),
            new Item("KASSERI", "Κασέρι", "Kasseri cheese", DAIRY, KG, true),
            new Item(BREAD, "Ψωμί χωριάτικο, 1 kg", "Country bread, 1 kg", FRESH, PIECE, true),
            new Item(ORANGES, "Πορτοκάλια", "Oranges", FRESH, KG, true),
            new Item(APPLES, "Μήλα", "Apples", FRESH, KG, true),
            new Item("POTATOES", "Πατάτες", "Potatoes", FRESH, KG, true),
            new Item(OLIVE_OIL_1L, "Ελαιόλαδο έξτρα παρθένο, φιάλη 1 l", "Extra virgin olive oil, 1 l bottle", OILS, PIECE, false),
            new Item(OLIVE_OIL_5L, "Ελαιόλαδο έξτρα παρθένο, δοχείο 5 l", "Extra virgin olive oil, 5 l tin", OILS, PIECE, false),
            new Item(BABY_FORMULA, "Βρεφικό γάλα 1ης ηλικίας, 400 g", "Infant formula stage 1, 400 g", BABY_FOOD, PIECE, true),
            // Entered first as dry food; the revision below corrects it.
            new Item(BABY_CEREAL, "Κρέμα δημητριακών, 300 g", "Cereal cream, 300 g", DRY_FOOD, PIECE, false),
            new Item(WATER, "Νερό εμφιαλωμένο, εξάδα 6 × 1,5 l", "Bottled water, six-pack 6 × 1.5 l", BEVERAGES, PACK, false),
            new Item(JUICE, "Χυμός πορτοκάλι, 1 l", "Orange juice, 1 l", BEVERAGES, PIECE, false),
            new Item(SOAP, "Σαπούνι πλάκα, 125 g", "Bar soap, 125 g", HYGIENE, PIECE, false),
            new Item(TOOTHPASTE, "Οδοντόκρεμα, 75 ml", "Toothpaste, 75 ml", HYGIENE, PIECE, false),
            new Item("TOOTHBRUSH", "Οδοντόβουρτσα ενηλίκων", "Adult toothbrush", HYGIENE, PIECE, false),
            new Item(SHAMPOO, "Σαμπουάν, 400 ml", "Shampoo, 400 ml", HYGIENE, PIECE, false),
            new Item(DIAPERS, "Πάνες βρεφικές Νο 4", "Baby diapers size 4", HYGIENE, PACK, false),
            new Item("SANITARY-PADS", "Σερβιέτες υγείας", "Sanitary pads", HYGIENE, PACK, false),
            new Item(DETERGENT, "Απορρυπαντικό ρούχων σκόνη, 40 μεζούρες", "Laundry powder, 40 washes", CLEANING, PACK, false),
            new Item(DISH_LIQUID, "Υγρό πιάτων, 1 l", "Dishwashing liquid, 1 l", CLEANING, PIECE, false),
            new Item(BLEACH, "Χλωρίνη, 2 l", "Bleach, 2 l", CLEANING, PIECE, false),
            new Item(PARACETAMOL, "Παρακεταμόλη 500 mg, 20 δισκία", "Paracetamol 500 mg, 20 tablets", PHARMACY, PACK, false),
            new Item(GAUZE, "Γάζες αποστειρωμένες 10 × 10 cm", "Sterile gauze pads 10 × 10 cm", PHARMACY, PACK, false),
            new Item(BLANKET, "Κουβέρτα μάλλινη μονή", "Single wool blanket", CLOTHING, PIECE, false),
            new Item(SOCKS, "Κάλτσες χειμερινές, ζεύγος", "Winter socks, pair", CLOTHING, PACK, false));

    private DemoCatalogue() {
    }

    static void load(DemoCommands commands) {
        ITEMS.forEach(item -> commands.send(new AddCatalogueItem(item.code(), item.nameEl(), item.nameEn(),
                item.category(), item.unit(), item.perishable())));
        commands.send(new ReviseCatalogueItem(BABY_CEREAL, "Βρεφική κρέμα δημητριακών, 300 g",
                "Infant cereal, 300 g", BABY_FOOD, true));
        commands.send(new RetireCatalogueItem(RICE_BULK,
                "Χύμα ρύζι δεν διανέμεται πλέον για λόγους υγιεινής· μόνο συσκευασμένο του 1 kg."));
    }
}
