package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.app.support.Api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small network for the view tests: three items, a donor, two recipients in two regional units, two warehouses. */
record ViewsNetwork(String donorId, String recipientIoannina, String recipientKomotini, String warehouseA,
                    String warehouseB) {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Athens"));
    static final String PASTA = "PASTA-500G";
    static final String RICE = "RICE-1KG";
    static final String OIL = "OIL-1L";

    static ViewsNetwork setUp(Api api) {
        item(api, PASTA, "Μακαρόνια 500 γρ.", "Pasta 500 g", "DRY_FOOD", "PACK");
        item(api, RICE, "Ρύζι 1 κιλό", "Rice 1 kg", "DRY_FOOD", "KG");
        item(api, OIL, "Ελαιόλαδο 1 λίτρο", "Olive oil 1 l", "OILS", "L");
        String donorId = api.create("/api/organisations/donor-companies", Map.of(
                "legalName", "Ηπειρωτικά Τρόφιμα Α.Ε.", "taxNumber", "094014201",
                "contact", Map.of("person", "Μαρία Παπαδοπούλου", "email", "info@example.gr"),
                "address", Map.of("street", "Λεωφόρος Δωδώνης 10", "postalCode", "45221", "town", "Ιωάννινα"),
                "municipalityCode", "1801"));
        api.accepted("/api/organisations/" + donorId + "/verification", Map.of("note", "ΓΕΜΗ"));
        String ioannina = recipient(api, "Ενοριακό Συσσίτιο Αγίου Νικολάου", "1801", "45444", "Ιωάννινα");
        String komotini = recipient(api, "Κοινωνικό Παντοπωλείο Κομοτηνής", "0101", "69100", "Κομοτηνή");
        String warehouseA = api.create("/api/warehouses", Map.of("name", "Αποθήκη Α Ιωαννίνων",
                "municipalityCode", "1801", "address", Map.of("street", "ΒΙΠΕ Ιωαννίνων", "town", "Ιωάννινα")));
        String warehouseB = api.create("/api/warehouses", Map.of("name", "Αποθήκη Β Κομοτηνής",
                "municipalityCode", "0101", "address", Map.of("street", "ΒΙΠΕ Κομοτηνής", "town", "Κομοτηνή")));
        return new ViewsNetwork(donorId, ioannina, komotini, warehouseA, warehouseB);
    }

    private static void item(Api api, String code, String el, String en, String category, String unit) {
        api.create("/api/catalogue/items", Map.of("itemCode", code, "nameEl", el, "nameEn", en,
                "category", category, "unit", unit, "perishable", false));
    }

    private static String recipient(Api api, String name, String municipalityCode, String postalCode, String town) {
        String id = api.create("/api/organisations/recipient-structures", Map.of(
                "name", name, "structureType", "SOCIAL_GROCERY",
                "contact", Map.of("person", "Γιάννης Οικονόμου"),
                "address", Map.of("street", "Κεντρική 1", "postalCode", postalCode, "town", town),
                "municipalityCode", municipalityCode, "latitude", 39.665, "longitude", 20.853,
                "beneficiariesServed", 120));
        api.accepted("/api/organisations/" + id + "/verification", Map.of());
        return id;
    }

    /** An unsolicited donation of one line; answers the new lot id and the position to wait for. */
    @SuppressWarnings("unchecked")
    Received receive(Api api, String warehouseId, String itemCode, Object quantity, LocalDate expiry) {
        Map<String, Object> line = new HashMap<>(Map.of("itemCode", itemCode, "quantity", quantity, "lotCode", "L-" + itemCode));
        if (expiry != null) {
            line.put("expiryDate", expiry.toString());
        }
        Map<String, Object> answer = api.createAndRead("/api/warehouses/" + warehouseId + "/receipts",
                Map.of("donorId", donorId, "lines", List.of(line)));
        return new Received(((List<String>) answer.get("lotIds")).get(0), ((Number) answer.get("position")).longValue());
    }

    record Received(String lotId, long position) {
    }
}
