package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.messages.identity.Role;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small network the access matrix calls into: two verified donor companies (A and B) and two verified recipient
 * structures (A and B), each with records in every state a route acts on, and a factory of fresh records, so that a
 * call expected to succeed finds its target in the right state however many callers came before it.
 */
final class MatrixWorld {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Athens"));
    static final String ITEM = "MX-PASTA";

    /** What one side of the network holds, for the organisation-scoped routes. */
    record Side(String donorId, String recipientId, String pledgeId, String needId, String proposedAllocationId,
                String approvedAllocationId, String dispatchedAllocationId, String receivedAllocationId) {
    }

    private final Api api;
    private final Identities identities;
    private final AtomicInteger serial = new AtomicInteger();

    final String warehouseId;
    final String otherWarehouseId;
    /** Plenty of stock, so every fresh allocation and transfer can take one unit of it. */
    final String stockLotId;
    final Side own;
    final Side foreign;
    final String unverifiedOrganisationId;
    final String suspendedOrganisationId;
    final String retirableItem;
    final String userName;
    final String disabledUserName;
    /** A structure of the registry of social structures, to read. */
    final String structureId;
    /** An instant the history can answer for. */
    final Instant past;

    MatrixWorld(Api api) {
        this.api = api;
        this.identities = api.identities();
        api.create("/api/catalogue/items", Map.of("itemCode", ITEM, "nameEl", "Μακαρόνια 500 γρ.",
                "nameEn", "Pasta 500 g", "category", "DRY_FOOD", "unit", "PACK", "perishable", false));
        warehouseId = warehouse();
        otherWarehouseId = warehouse();
        String donorA = verifiedDonor();
        String donorB = verifiedDonor();
        String recipientA = verifiedRecipient();
        String recipientB = verifiedRecipient();
        stockLotId = lot(donorA, 100_000);
        own = side(donorA, recipientA);
        foreign = side(donorB, recipientB);
        unverifiedOrganisationId = donorCompany();
        suspendedOrganisationId = suspendedDonor();
        retirableItem = item();
        userName = user();
        disabledUserName = disabledUser();
        structureId = structure();
        past = Instant.now();
        awaitViews();
    }

    private Side side(String donorId, String recipientId) {
        String received = dispatchedAllocation(recipientId);
        identities.member(Role.RECIPIENT, recipientId).post().uri("/api/allocations/{id}/receipt-confirmation", received)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isAccepted();
        return new Side(donorId, recipientId, pledge(donorId), need(recipientId), proposedAllocation(recipientId),
                approvedAllocation(recipientId), dispatchedAllocation(recipientId), received);
    }

    /** The read routes answer from views that follow the commands a moment later. */
    private void awaitViews() {
        WebTestClient auditor = identities.staff(Role.AUDITOR);
        List<String> reads = List.of(
                "/api/needs/" + own.needId(), "/api/needs/" + foreign.needId(),
                "/api/allocations/" + own.receivedAllocationId(), "/api/allocations/" + foreign.receivedAllocationId(),
                "/api/donors/" + own.donorId() + "/statement", "/api/donors/" + foreign.donorId() + "/statement",
                "/api/distribution/lots/" + stockLotId + "/recipients",
                "/api/distribution/recipients/" + own.recipientId() + "/donors",
                "/api/catalogue/items/" + retirableItem,
                "/api/admin/users/" + disabledUserName, "/api/registry/structures/" + structureId);
        for (String read : reads) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    auditor.get().uri(read).exchange().returnResult(String.class).getStatus().is2xxSuccessful());
        }
        // the receipt is the last command of each side; the allocation view shows it once it has caught up
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            String body = auditor.get().uri("/api/allocations/" + foreign.receivedAllocationId()).exchange()
                    .expectBody(String.class).returnResult().getResponseBody();
            return body != null && body.contains("RECEIVED");
        });
    }

    int next() {
        return serial.incrementAndGet();
    }

    String donorCompany() {
        return api.create("/api/organisations/donor-companies", Map.of(
                "legalName", "Δωρήτρια " + next() + " Α.Ε.", "taxNumber", taxNumber(),
                "contact", Map.of("person", "Μαρία Παπαδοπούλου", "email", "info@example.gr"),
                "address", Map.of("street", "Λεωφόρος Δωδώνης 10", "postalCode", "45221", "town", "Ιωάννινα"),
                "municipalityCode", "1801"));
    }

    String verifiedDonor() {
        String id = donorCompany();
        api.accepted("/api/organisations/" + id + "/verification", Map.of("note", "ΓΕΜΗ"));
        return id;
    }

    String suspendedDonor() {
        String id = verifiedDonor();
        api.accepted("/api/organisations/" + id + "/suspension", Map.of("reason", "έλεγχος"));
        return id;
    }

    String verifiedRecipient() {
        String id = api.create("/api/organisations/recipient-structures", Map.of(
                "name", "Συσσίτιο " + next(), "structureType", "PARISH_SOUP_KITCHEN",
                "contact", Map.of("person", "π. Γεώργιος"),
                "address", Map.of("street", "Αγίου Νικολάου 1", "postalCode", "45444", "town", "Ιωάννινα"),
                "municipalityCode", "1801", "latitude", 39.665, "longitude", 20.853, "beneficiariesServed", 120));
        api.accepted("/api/organisations/" + id + "/verification", Map.of());
        return id;
    }

    /** A new structure in the registry of social structures. */
    String structure() {
        return api.create("/api/registry/structures", structureBody("Κοινωνικό Παντοπωλείο " + next()));
    }

    static Map<String, Object> structureBody(String name) {
        return Map.of("nameEl", name, "type", "SOCIAL_GROCERY", "services", List.of("BASIC_GOODS"),
                "address", Map.of("street", "Μιχαήλ Αγγέλου 3", "postalCode", "45221", "town", "Ιωάννινα"),
                "municipalityCode", "1801", "latitude", 39.665, "longitude", 20.853);
    }

    String warehouse() {
        return api.create("/api/warehouses", Map.of("name", "Αποθήκη " + next(), "municipalityCode", "1801",
                "address", Map.of("street", "ΒΙΠΕ Ιωαννίνων", "town", "Ιωάννινα")));
    }

    String item() {
        String code = "MX-ITEM-" + next();
        api.create("/api/catalogue/items", Map.of("itemCode", code, "nameEl", "Είδος " + code, "nameEn", "Item " + code,
                "category", "DRY_FOOD", "unit", "PACK", "perishable", false));
        return code;
    }

    /** An unsolicited donation of the donor, received into the first warehouse: one new lot. */
    String lot(String donorId, int quantity) {
        Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + warehouseId + "/receipts",
                receiptBody(donorId, quantity));
        return ((List<?>) receipt.get("lotIds")).get(0).toString();
    }

    String lot() {
        return lot(own.donorId(), 100);
    }

    static Map<String, Object> receiptBody(String donorId, int quantity) {
        return Map.of("donorId", donorId, "lines", List.of(Map.of("itemCode", ITEM, "quantity", quantity,
                "lotCode", "MX" + quantity)));
    }

    String pledge(String donorId) {
        return api.create("/api/pledges", pledgeBody(donorId));
    }

    static Map<String, Object> pledgeBody(String donorId) {
        return Map.of("donorId", donorId, "lines", List.of(Map.of("itemCode", ITEM, "quantity", 10,
                "expectedDeliveryDate", TODAY.plusDays(2).toString())));
    }

    String need(String recipientId) {
        return api.create("/api/needs", needBody(recipientId));
    }

    static Map<String, Object> needBody(String recipientId) {
        return Map.of("recipientId", recipientId, "lines", List.of(Map.of("itemCode", ITEM, "quantity", 1,
                "priority", "URGENT", "neededBy", TODAY.plusDays(7).toString(), "beneficiaries", 10)));
    }

    /** Proposed by an officer, so that any director may decide on it. */
    String proposedAllocation(String recipientId) {
        return api.as(Role.OFFICER).create("/api/allocations", proposalBody(need(recipientId)));
    }

    Map<String, Object> proposalBody(String needId) {
        return Map.of("needId", needId, "warehouseId", warehouseId,
                "lines", List.of(Map.of("needLineNo", 1, "quantity", 1, "lotId", stockLotId)));
    }

    String approvedAllocation(String recipientId) {
        String id = proposedAllocation(recipientId);
        api.as(Role.DIRECTOR).accepted("/api/allocations/" + id + "/approval", approvalBody());
        return id;
    }

    String dispatchedAllocation(String recipientId) {
        String id = approvedAllocation(recipientId);
        api.as(Role.OFFICER).accepted("/api/allocations/" + id + "/dispatch", dispatchBody());
        return id;
    }

    Map<String, Object> approvalBody() {
        return Map.of("protocolNumber", "ΜΧ-" + next() + "/2026", "decisionDate", TODAY.toString());
    }

    Map<String, Object> dispatchBody() {
        return Map.of("manifestNumber", "ΔΑ-ΜΧ-" + next());
    }

    String user() {
        String username = "matrix-user-" + next();
        identities.admin().post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", "Χρήστης " + username, "role", "OFFICER",
                        "password", Identities.passwordOf(username)))
                .exchange().expectStatus().isCreated();
        return username;
    }

    String disabledUser() {
        String username = user();
        identities.admin().post().uri("/api/admin/users/{username}/disabling", username)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "άδεια"))
                .exchange().expectStatus().isAccepted();
        return username;
    }

    /** A Greek ΑΦΜ no other record of this ledger uses: eight digits and their check digit. */
    String taxNumber() {
        String body = String.format("%08d", 70_000_000 + next());
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') << (8 - i);
        }
        return body + (sum % 11) % 10;
    }
}
