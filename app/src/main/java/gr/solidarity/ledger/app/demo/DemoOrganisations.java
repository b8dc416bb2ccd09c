package gr.solidarity.ledger.app.demo;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterDonorCompany;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterRecipientStructure;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.SuspendOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.VerifyOrganisation;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;

import java.util.List;
import java.util.Map;

import static gr.solidarity.ledger.messages.organisation.RecipientStructureType.INSTITUTION_OR_SHELTER;
import static gr.solidarity.ledger.messages.organisation.RecipientStructureType.MUNICIPAL_SOCIAL_SERVICE;
import static gr.solidarity.ledger.messages.organisation.RecipientStructureType.NGO;
import static gr.solidarity.ledger.messages.organisation.RecipientStructureType.PARISH_SOUP_KITCHEN;
import static gr.solidarity.ledger.messages.organisation.RecipientStructureType.SOCIAL_GROCERY;
import static gr.solidarity.ledger.messages.organisation.RecipientStructureType.SOCIAL_PHARMACY;

/**
 * The companies, structures and warehouses of the demonstration network in Epirus. Names, ΑΦΜ, people, streets and
 * e-mail addresses are invented; municipalities and postal-code areas are real.
 */
final class DemoOrganisations {

    record Donor(String key, String legalName, String taxDigits, String person, String email, String phone,
                 String street, String postalCode, String town, String municipalityCode) {

        String id() {
            return DemoIds.of("organisation:" + key);
        }
    }

    /** {@code north} and {@code east} place the structure near its municipality's centre, in degrees. */
    record Recipient(String key, String name, RecipientStructureType type, String person, String email, String phone,
                     String street, String postalCode, String town, String municipalityCode, double north,
                     double east, int beneficiaries) {

        String id() {
            return DemoIds.of("organisation:" + key);
        }
    }

    record Warehouse(String key, String name, String municipalityCode, String street, String postalCode,
                     String town) {

        String id() {
            return DemoIds.of("warehouse:" + key);
        }
    }

    /** Centres of the municipalities used, from the ELSTAT reference file bundled with the command side. */
    private static final Map<String, GeoPoint> CENTRES = Map.of(
            "1801", new GeoPoint(39.64337, 20.88521),
            "1901", new GeoPoint(39.19241, 20.94266),
            "2001", new GeoPoint(39.43223, 20.34664),
            "2002", new GeoPoint(39.44605, 20.53048),
            "2101", new GeoPoint(39.14230, 20.70610));

    // Donor companies.
    static final Donor MOLOSSOI_DAIRY = new Donor("donor:molossoi-dairy", "Γαλακτοκομική Μολοσσών Α.Ε.", "09981734",
            "Ελένη Γκόγκου", "promitheies@molossoi-dairy.example", "+30 26510 82140",
            "Επαρχιακή Οδός Ιωαννίνων–Δωδώνης, 14ο χλμ", "45500", "Ιωάννινα", "1801");
    static final Donor KASTRO_BAKERY = new Donor("donor:kastro-bakery", "Αρτοποιία Κάστρου Χ. Ζήκος & Σια Ο.Ε.",
            "80137452", "Χρήστος Ζήκος", "info@kastro-bakery.example", "+30 26510 24518",
            "Ανεξαρτησίας 118", "45444", "Ιωάννινα", "1801");
    static final Donor PINDOS_PASTA = new Donor("donor:pindos-pasta", "Ζυμαρικά Πίνδου Α.Β.Ε.Ε.", "09872615",
            "Δημήτρης Παππάς", "sales@pindos-pasta.example", "+30 26510 86230",
            "ΒΙ.ΠΕ. Ιωαννίνων, Οδός Γ΄ 7", "45500", "Ιωάννινα", "1801");
    static final Donor EPIRUS_SUPERMARKETS = new Donor("donor:epirus-supermarkets", "Υπεραγορές Ηπειρωτικής Γης Α.Ε.",
            "09954208", "Κατερίνα Μπέκα", "csr@ipeirotiki-gi.example", "+30 26510 71900",
            "Λεωφόρος Δωδώνης 112", "45221", "Ιωάννινα", "1801");
    static final Donor FILIPPIADA_OIL = new Donor("donor:filippiada-oil", "Ελαιουργία Λούρου Κ. Τσίγκας & Σια Ο.Ε.",
            "80245163", "Κωνσταντίνος Τσίγκας", "elaiourgia@louros-oil.example", "+30 26830 22417",
            "Εθνική Οδός Άρτας–Πρέβεζας 3", "48200", "Φιλιππιάδα", "2102");
    static final Donor PARGA_OLIVES = new Donor("donor:parga-olives", "Ελαιώνες Ανθούσας Πάργας Α.Ε.Β.Ε.", "09967341",
            "Σπύρος Κώτσης", "info@anthousa-olives.example", "+30 26840 31562",
            "Ανθούσα Πάργας", "48060", "Πάργα", "2103");
    static final Donor TZOUMERKA_WATER = new Donor("donor:tzoumerka-water", "Πηγές Τζουμέρκων Εμφιαλωτική Α.Ε.",
            "09928473", "Βασίλης Τσιρογιάννης", "info@piges-tzoumerkon.example", "+30 26850 31210",
            "Θέση Βρύση, Άγναντα", "47040", "Άγναντα", "1903");
    static final Donor ARTA_MILLS = new Donor("donor:arta-mills", "Κυλινδρόμυλοι Αράχθου Α.Ε.", "09946120",
            "Ιωάννα Σταθοπούλου", "logistirio@arachthos-mills.example", "+30 26810 27745",
            "Λεωφόρος Κωνσταντίνου Καραμανλή 210", "47132", "Άρτα", "1901");
    static final Donor ARTA_CITRUS = new Donor("donor:arta-citrus", "Ένωση Παραγωγών Εσπεριδοειδών Άρτας Α.Ε.Σ.",
            "99873012", "Νίκος Σακκάς", "enosi@arta-citrus.example", "+30 26810 71224",
            "Κωστακιοί Άρτας", "47100", "Άρτα", "1901");
    static final Donor THESPROTIA_HYGIENE = new Donor("donor:thesprotia-hygiene",
            "Διανομές Ειδών Υγιεινής Θεσπρωτίας Ε.Π.Ε.", "99812457", "Αθανάσιος Ντάλλας",
            "paraggelies@thesprotia-hygiene.example", "+30 26650 28311",
            "Αγίων Αποστόλων 41", "46100", "Ηγουμενίτσα", "2001");
    static final Donor EPIRUS_PHARMA = new Donor("donor:epirus-pharma", "Φαρμακαποθήκη Ηπείρου Συν.Π.Ε.", "09899264",
            "Μαρία Λάμπρου", "diakinisi@epirus-pharma.example", "+30 26510 45870",
            "ΒΙ.ΠΕ. Ιωαννίνων, Οδός Ε΄ 3", "45500", "Ιωάννινα", "1801");
    static final Donor PREVEZA_TEXTILES = new Donor("donor:preveza-textiles", "Υφαντήρια Αμβρακικού Α.Ε.", "09936587",
            "Γεώργιος Κάτσαρης", "info@amvrakikos-textiles.example", "+30 26820 24166",
            "Οδός Ειρήνης 88", "48100", "Πρέβεζα", "2101");
    /** Registered last; its papers are still being checked, so it stays pending verification. */
    static final Donor AMVRAKIKOS_FISH = new Donor("donor:amvrakikos-fish", "Ιχθυοκαλλιέργειες Κορωνησίας Ι.Κ.Ε.",
            "80391746", "Παναγιώτα Ζέρβα", "info@koronisia-fish.example", "+30 26810 91205",
            "Κορωνησία Άρτας", "47100", "Κορωνησία", "1901");

    static final List<Donor> DONORS = List.of(MOLOSSOI_DAIRY, KASTRO_BAKERY, PINDOS_PASTA, EPIRUS_SUPERMARKETS,
            FILIPPIADA_OIL, PARGA_OLIVES, TZOUMERKA_WATER, ARTA_MILLS, ARTA_CITRUS, THESPROTIA_HYGIENE, EPIRUS_PHARMA,
            PREVEZA_TEXTILES, AMVRAKIKOS_FISH);

    // Recipient structures.
    static final Recipient AGIOS_NIKOLAOS = new Recipient("recipient:agios-nikolaos-ioannina",
            "Ενοριακό Συσσίτιο Αγίου Νικολάου Αγοράς Ιωαννίνων", PARISH_SOUP_KITCHEN, "π. Αθανάσιος Γιαννάκης",
            "syssitio.agnikolaos@parish-ioannina.example", "+30 26510 22817",
            "Ανεξαρτησίας 50", "45221", "Ιωάννινα", "1801", 0.0032, -0.0041, 180);
    static final Recipient AGIA_MARINA = new Recipient("recipient:agia-marina-ioannina",
            "Ενοριακό Συσσίτιο Αγίας Μαρίνης Ιωαννίνων", PARISH_SOUP_KITCHEN, "π. Κωνσταντίνος Μάνθος",
            "syssitio.agmarina@parish-ioannina.example", "+30 26510 31462",
            "Αγίας Μαρίνης 12", "45332", "Ιωάννινα", "1801", -0.0085, 0.0060, 120);
    static final Recipient AGIOS_DIMITRIOS_ARTA = new Recipient("recipient:agios-dimitrios-arta",
            "Ενοριακό Συσσίτιο Αγίου Δημητρίου Άρτας", PARISH_SOUP_KITCHEN, "π. Ευάγγελος Κολοβός",
            "syssitio.agdimitrios@parish-arta.example", "+30 26810 28930",
            "Σκουφά 64", "47100", "Άρτα", "1901", 0.0021, 0.0035, 90);
    static final Recipient GROCERY_IOANNINA = new Recipient("recipient:grocery-ioannina",
            "Κοινωνικό Παντοπωλείο Δήμου Ιωαννιτών", SOCIAL_GROCERY, "Σοφία Δήμου",
            "pantopoleio@ioannina-municipality.example", "+30 26510 64420",
            "Μιχαήλ Αγγέλου 29", "45332", "Ιωάννινα", "1801", -0.0047, 0.0098, 650);
    static final Recipient GROCERY_ARTA = new Recipient("recipient:grocery-arta",
            "Κοινωνικό Παντοπωλείο Δήμου Αρταίων", SOCIAL_GROCERY, "Αγγελική Παπαδοπούλου",
            "pantopoleio@arta-municipality.example", "+30 26810 78112",
            "Κομμένου 35", "47132", "Άρτα", "1901", -0.0060, 0.0072, 420);
    static final Recipient GROCERY_PREVEZA = new Recipient("recipient:grocery-preveza",
            "Κοινωνικό Παντοπωλείο Δήμου Πρέβεζας", SOCIAL_GROCERY, "Ευτυχία Κοντού",
            "pantopoleio@preveza-municipality.example", "+30 26820 29880",
            "Ελευθερίου Βενιζέλου 17", "48100", "Πρέβεζα", "2101", 0.0054, -0.0030, 380);
    static final Recipient GROCERY_IGOUMENITSA = new Recipient("recipient:grocery-igoumenitsa",
            "Κοινωνικό Παντοπωλείο Δήμου Ηγουμενίτσας", SOCIAL_GROCERY, "Θεοδώρα Μπίτσιου",
            "pantopoleio@igoumenitsa-municipality.example", "+30 26650 99345",
            "Κύπρου 9", "46100", "Ηγουμενίτσα", "2001", 0.0038, 0.0051, 260);
    static final Recipient PHARMACY_IOANNINA = new Recipient("recipient:pharmacy-ioannina",
            "Κοινωνικό Φαρμακείο Δήμου Ιωαννιτών", SOCIAL_PHARMACY, "Ιφιγένεια Ράπτη",
            "farmakeio@ioannina-municipality.example", "+30 26510 64460",
            "Μιχαήλ Αγγέλου 31", "45332", "Ιωάννινα", "1801", -0.0045, 0.0101, 900);
    static final Recipient SOLIDARITY_NGO = new Recipient("recipient:solidarity-ngo",
            "Δίκτυο Αλληλεγγύης Ηπείρου Α.Μ.Κ.Ε.", NGO, "Λευτέρης Χατζής",
            "info@diktyo-allileggyis.example", "+30 26510 77013",
            "Ναπολέοντος Ζέρβα 21", "45332", "Ιωάννινα", "1801", -0.0120, -0.0025, 300);
    static final Recipient SHELTER_PREVEZA = new Recipient("recipient:shelter-preveza",
            "Ξενώνας Φιλοξενίας Αστέγων Πρέβεζας «Η Στέγη»", INSTITUTION_OR_SHELTER, "Άννα Κυρίτση",
            "stegi@shelter-preveza.example", "+30 26820 60275",
            "Αγίου Αθανασίου 4", "48100", "Πρέβεζα", "2101", -0.0070, 0.0045, 35);
    static final Recipient SOCIAL_SERVICE_SOULI = new Recipient("recipient:social-service-souli",
            "Κοινωνική Υπηρεσία Δήμου Σουλίου", MUNICIPAL_SOCIAL_SERVICE, "Γεωργία Τάσιου",
            "koinoniki@souli-municipality.example", "+30 26660 22206",
            "Πλατεία Κεντρική 1, Παραμυθιά", "46200", "Παραμυθιά", "2002", 0.0110, 0.0080, 140);

    static final List<Recipient> RECIPIENTS = List.of(AGIOS_NIKOLAOS, AGIA_MARINA, AGIOS_DIMITRIOS_ARTA,
            GROCERY_IOANNINA, GROCERY_ARTA, GROCERY_PREVEZA, GROCERY_IGOUMENITSA, PHARMACY_IOANNINA, SOLIDARITY_NGO,
            SHELTER_PREVEZA, SOCIAL_SERVICE_SOULI);

    // Warehouses of the regional directorate.
    static final Warehouse IOANNINA = new Warehouse("ioannina", "Κεντρική Αποθήκη Ιωαννίνων", "1801",
            "ΒΙ.ΠΕ. Ιωαννίνων, Οδός Δ΄ 12", "45500", "Ιωάννινα");
    static final Warehouse ARTA = new Warehouse("arta", "Αποθήκη Άρτας", "1901",
            "Λεωφόρος Κωνσταντίνου Καραμανλή 140", "47132", "Άρτα");
    static final Warehouse PREVEZA = new Warehouse("preveza", "Αποθήκη Πρέβεζας", "2101",
            "Οδός Ειρήνης 62", "48100", "Πρέβεζα");

    static final List<Warehouse> WAREHOUSES = List.of(IOANNINA, ARTA, PREVEZA);

    private DemoOrganisations() {
    }

    static void registerAndVerify(DemoCommands commands) {
        for (Donor donor : DONORS) {
            commands.send(new RegisterDonorCompany(donor.id(), donor.legalName(),
                    DemoTaxNumbers.withCheckDigit(donor.taxDigits()),
                    new ContactDetails(donor.person(), donor.email(), donor.phone()),
                    new PostalAddress(donor.street(), donor.postalCode(), donor.town()), donor.municipalityCode()));
            if (donor != AMVRAKIKOS_FISH) {
                commands.send(new VerifyOrganisation(donor.id(),
                        "Ελέγχθηκαν ΓΕΜΗ, φορολογική ενημερότητα και υπογεγραμμένο πρωτόκολλο συνεργασίας."));
            }
        }
        for (Recipient recipient : RECIPIENTS) {
            GeoPoint centre = CENTRES.get(recipient.municipalityCode());
            commands.send(new RegisterRecipientStructure(recipient.id(), recipient.name(), recipient.type(),
                    new ContactDetails(recipient.person(), recipient.email(), recipient.phone()),
                    new PostalAddress(recipient.street(), recipient.postalCode(), recipient.town()),
                    recipient.municipalityCode(),
                    new GeoPoint(round(centre.latitude() + recipient.north()), round(centre.longitude() + recipient.east())),
                    recipient.beneficiaries()));
            commands.send(new VerifyOrganisation(recipient.id(),
                    "Αυτοψία της Διεύθυνσης Κοινωνικής Μέριμνας· ελέγχθηκε ο κατάλογος ωφελουμένων."));
        }
        for (Warehouse warehouse : WAREHOUSES) {
            commands.send(new RegisterWarehouse(warehouse.id(), warehouse.name(), warehouse.municipalityCode(),
                    new PostalAddress(warehouse.street(), warehouse.postalCode(), warehouse.town())));
        }
    }

    /** After its goods arrived: the suspension is part of the story the demonstration tells. */
    static void suspendNgo(DemoCommands commands) {
        commands.send(new SuspendOrganisation(SOLIDARITY_NGO.id(),
                "Έληξε η εγγραφή στο Μητρώο Φορέων της Κοινωνίας των Πολιτών· αναστολή έως την προσκόμιση βεβαίωσης ανανέωσης."));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 100_000d) / 100_000d;
    }
}
