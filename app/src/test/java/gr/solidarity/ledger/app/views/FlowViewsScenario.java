package gr.solidarity.ledger.app.views;

import gr.solidarity.ledger.app.support.Api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A small network for the allocation, distribution and donor views: two items, two donors, two structures in different
 * regional units, one warehouse. Each step answers the event position it reached, for {@code minPosition}.
 */
final class FlowViewsScenario {

    static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    static final LocalDate TODAY = LocalDate.now(ATHENS);

    final Api api;
    String pastaDonorId;
    String oilDonorId;
    String kitchenId;
    String groceryId;
    String warehouseId;
    long position;

    FlowViewsScenario(Api api) {
        this.api = api;
    }

    /** The current month in Athens, as the views file receipts; read after the receipts, in case a month turned. */
    static String thisMonth() {
        return YearMonth.now(ATHENS).toString();
    }

    FlowViewsScenario setUp() {
        created("/api/catalogue/items", Map.of("itemCode", "PASTA-500G", "nameEl", "Μακαρόνια 500 γρ.",
                "nameEn", "Pasta 500 g", "category", "DRY_FOOD", "unit", "PACK", "perishable", false));
        created("/api/catalogue/items", Map.of("itemCode", "OIL-1L", "nameEl", "Ελαιόλαδο 1 λίτρο",
                "nameEn", "Olive oil 1 l", "category", "OILS", "unit", "L", "perishable", false));
        pastaDonorId = donor("Ηπειρωτικά Τρόφιμα Α.Ε.", "094014201");
        oilDonorId = donor("Ελαιουργία Θεσπρωτίας Α.Ε.", "094014225");
        kitchenId = recipient("Ενοριακό Συσσίτιο Αγίου Νικολάου", "PARISH_SOUP_KITCHEN", "1801", 120);
        groceryId = recipient("Κοινωνικό Παντοπωλείο Ηγουμενίτσας", "SOCIAL_GROCERY", "2001", 300);
        warehouseId = created("/api/warehouses", Map.of("name", "Κεντρική Αποθήκη Ιωαννίνων",
                "municipalityCode", "1801", "address", Map.of("street", "ΒΙΠΕ Ιωαννίνων", "town", "Ιωάννινα")));
        return this;
    }

    /** Pledge and receive pasta from the pasta donor; answers the pledge id and the lot id. */
    String[] pledgedPasta(int quantity) {
        String pledgeId = created("/api/pledges", Map.of("donorId", pastaDonorId, "lines", List.of(Map.of(
                "itemCode", "PASTA-500G", "quantity", quantity, "expectedDeliveryDate", TODAY.plusDays(2).toString()))));
        Map<String, Object> receipt = createdBody("/api/warehouses/" + warehouseId + "/receipts", Map.of(
                "pledgeId", pledgeId, "lines", List.of(Map.of("itemCode", "PASTA-500G", "quantity", quantity,
                        "expiryDate", TODAY.plusMonths(10).toString(), "lotCode", "L2611", "pledgeLineNo", 1))));
        return new String[] {pledgeId, ((List<?>) receipt.get("lotIds")).get(0).toString()};
    }

    /** An unsolicited donation of oil; answers the lot id. */
    String unsolicitedOil(int litres) {
        Map<String, Object> receipt = createdBody("/api/warehouses/" + warehouseId + "/receipts", Map.of(
                "donorId", oilDonorId, "lines", List.of(Map.of("itemCode", "OIL-1L", "quantity", litres,
                        "expiryDate", TODAY.plusMonths(12).toString(), "lotCode", "EL-26"))));
        return ((List<?>) receipt.get("lotIds")).get(0).toString();
    }

    String need(String recipientId, String itemCode, int quantity, int beneficiaries) {
        return created("/api/needs", Map.of("recipientId", recipientId, "lines", List.of(Map.of("itemCode", itemCode,
                "quantity", quantity, "priority", "URGENT", "neededBy", TODAY.plusDays(7).toString(),
                "beneficiaries", beneficiaries))));
    }

    String propose(String needId, String lotId, int quantity) {
        return created("/api/allocations", Map.of("needId", needId, "warehouseId", warehouseId,
                "lines", List.of(Map.of("needLineNo", 1, "quantity", quantity, "lotId", lotId))));
    }

    void approve(String allocationId, String protocol) {
        accepted("/api/allocations/" + allocationId + "/approval", Map.of("protocolNumber", protocol,
                "decisionDate", TODAY.toString(), "ada", "ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ"));
    }

    void dispatch(String allocationId, String manifest) {
        accepted("/api/allocations/" + allocationId + "/dispatch", Map.of("manifestNumber", manifest));
    }

    void confirm(String allocationId, String lotId, int received) {
        accepted("/api/allocations/" + allocationId + "/receipt-confirmation", Map.of("lines",
                List.of(Map.of("lotId", lotId, "receivedQuantity", received, "note", "παραλαβή"))));
    }

    /** Propose, approve, dispatch and confirm; answers the allocation id. */
    String deliver(String needId, String lotId, int quantity, int received, String protocol) {
        String allocationId = propose(needId, lotId, quantity);
        approve(allocationId, protocol + "/2026");
        dispatch(allocationId, "ΔΑ-" + protocol);
        confirm(allocationId, lotId, received);
        return allocationId;
    }

    String donor(String legalName, String taxNumber) {
        String id = created("/api/organisations/donor-companies", Map.of("legalName", legalName, "taxNumber", taxNumber,
                "contact", Map.of("person", "Μαρία Παπαδοπούλου", "email", "info@example.gr"),
                "address", Map.of("street", "Λεωφόρος Δωδώνης 10", "postalCode", "45221", "town", "Ιωάννινα"),
                "municipalityCode", "1801"));
        accepted("/api/organisations/" + id + "/verification", Map.of("note", "ΓΕΜΗ"));
        return id;
    }

    String recipient(String name, String type, String municipalityCode, int beneficiariesServed) {
        String id = created("/api/organisations/recipient-structures", Map.of("name", name, "structureType", type,
                "contact", Map.of("person", "π. Γεώργιος"),
                "address", Map.of("street", "Κεντρική 1", "postalCode", "45444", "town", "Ιωάννινα"),
                "municipalityCode", municipalityCode, "latitude", 39.665, "longitude", 20.853,
                "beneficiariesServed", beneficiariesServed));
        accepted("/api/organisations/" + id + "/verification", Map.of());
        return id;
    }

    String created(String path, Object body) {
        return (String) createdBody(path, body).get("id");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> createdBody(String path, Object body) {
        Map<String, Object> answer = api.post(path, body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        remember(answer);
        return answer;
    }

    @SuppressWarnings("unchecked")
    void accepted(String path, Object body) {
        remember(api.post(path, body).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody());
    }

    private void remember(Map<String, Object> answer) {
        Object reached = answer.get("position");
        if (reached instanceof Number number) {
            position = Math.max(position, number.longValue());
        }
    }

    /** A path with {@code minPosition} so that the view reflects every command sent so far. */
    String at(String path) {
        return path + (path.contains("?") ? "&" : "?") + "minPosition=" + position;
    }
}
