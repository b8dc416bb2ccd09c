package gr.solidarity.ledger.app.support;

import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A small network driven over the command API, shared by the full-stack tests: one item, one verified donor company,
 * one verified parish soup kitchen, one warehouse, and the whole flow from pledge to confirmed receipt.
 */
public final class LedgerScenario {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Athens"));

    private LedgerScenario() {
    }

    public record Network(String donorId, String recipientId, String warehouseId) {
    }

    /** @param position the event position after the receipt was confirmed */
    public record Delivery(String pledgeId, String lotId, String needId, String allocationId, long position) {
    }

    public static Network setUpNetwork(Api api) {
        api.create("/api/catalogue/items", Map.of("itemCode", "PASTA-500G", "nameEl", "Μακαρόνια 500 γρ.",
                "nameEn", "Pasta 500 g", "category", "DRY_FOOD", "unit", "PACK", "perishable", false));
        String donorId = api.create("/api/organisations/donor-companies", Map.of(
                "legalName", "Ηπειρωτικά Τρόφιμα Α.Ε.", "taxNumber", "094014201",
                "contact", Map.of("person", "Μαρία Παπαδοπούλου", "email", "info@example.gr"),
                "address", Map.of("street", "Λεωφόρος Δωδώνης 10", "postalCode", "45221", "town", "Ιωάννινα"),
                "municipalityCode", "1801"));
        api.accepted("/api/organisations/" + donorId + "/verification", Map.of("note", "ΓΕΜΗ"));
        String recipientId = api.create("/api/organisations/recipient-structures", Map.of(
                "name", "Ενοριακό Συσσίτιο Αγίου Νικολάου", "structureType", "PARISH_SOUP_KITCHEN",
                "contact", Map.of("person", "π. Γεώργιος"),
                "address", Map.of("street", "Αγίου Νικολάου 1", "postalCode", "45444", "town", "Ιωάννινα"),
                "municipalityCode", "1801", "latitude", 39.665, "longitude", 20.853, "beneficiariesServed", 120));
        api.accepted("/api/organisations/" + recipientId + "/verification", Map.of());
        String warehouseId = api.create("/api/warehouses", Map.of("name", "Κεντρική Αποθήκη Ιωαννίνων",
                "municipalityCode", "1801", "address", Map.of("street", "ΒΙΠΕ Ιωαννίνων", "town", "Ιωάννινα")));
        return new Network(donorId, recipientId, warehouseId);
    }

    /** Pledge, receive, declare a need, propose, approve, dispatch and confirm receipt (98 of 100 arrived). */
    public static Delivery deliver(Api api, Network network, String protocol) {
        String pledgeId = api.create("/api/pledges", pledge(network, 100));
        Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                receipt(pledgeId, 100));
        String lotId = ((List<?>) receipt.get("lotIds")).get(0).toString();
        String needId = api.create("/api/needs", need(network, 100));
        String allocationId = api.create("/api/allocations", Map.of("needId", needId,
                "warehouseId", network.warehouseId(),
                "lines", List.of(Map.of("needLineNo", 1, "quantity", 100, "lotId", lotId))));
        api.accepted("/api/allocations/" + allocationId + "/approval", Map.of("protocolNumber", protocol + "/2026",
                "decisionDate", TODAY.toString(), "ada", "ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ"));
        api.accepted("/api/allocations/" + allocationId + "/dispatch", Map.of("manifestNumber", "ΔΑ-" + protocol));
        long position = position(api.post("/api/allocations/" + allocationId + "/receipt-confirmation",
                Map.of("lines", List.of(Map.of("lotId", lotId, "receivedQuantity", 98,
                        "note", "2 συσκευασίες σκισμένες")))));
        return new Delivery(pledgeId, lotId, needId, allocationId, position);
    }

    public static Map<String, Object> pledge(Network network, int quantity) {
        return Map.of("donorId", network.donorId(), "lines", List.of(Map.of("itemCode", "PASTA-500G",
                "quantity", quantity, "expectedDeliveryDate", TODAY.plusDays(2).toString())));
    }

    public static Map<String, Object> receipt(String pledgeId, int quantity) {
        return Map.of("pledgeId", pledgeId, "lines", List.of(Map.of("itemCode", "PASTA-500G", "quantity", quantity,
                "expiryDate", TODAY.plusMonths(10).toString(), "lotCode", "L2611", "pledgeLineNo", 1)));
    }

    public static Map<String, Object> need(Network network, int quantity) {
        return Map.of("recipientId", network.recipientId(), "lines", List.of(Map.of("itemCode", "PASTA-500G",
                "quantity", quantity, "priority", "URGENT", "neededBy", TODAY.plusDays(7).toString(),
                "beneficiaries", 120)));
    }

    /** The event position a command answered (2xx). */
    public static long position(WebTestClient.ResponseSpec answer) {
        Map<?, ?> body = answer.expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("position")).longValue();
    }
}
