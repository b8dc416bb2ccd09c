package gr.solidarity.ledger.command.pledge;

import gr.solidarity.ledger.command.catalogue.CatalogueLookup;
import gr.solidarity.ledger.command.common.ActingFor;
import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.Quantities;
import gr.solidarity.ledger.command.common.RefusalTranslatingInterceptor;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.pledge.PledgeDesk.DeliveredQuantity;
import gr.solidarity.ledger.command.pledge.PledgeDesk.RecordPledgeDelivery;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.AmendPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.MakePledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.PledgeLineRequest;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeDeliveryRecorded;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeFulfilled;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineAmended;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineOverDelivered;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineWithdrawn;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeMade;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeWithdrawn;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A donor company's pledge (δέσμευση δωρεάς): what it promises to deliver, line by line. Lines may be changed or taken
 * back only until goods arrive for them; deliveries are recorded by the warehouse that receives them, in the same unit
 * of work as the receipt.
 */
@Aggregate
public class Pledge {

    static final String LINES_REQUIRED = "PLEDGE_LINES_REQUIRED";
    static final String EXPECTED_DELIVERY_REQUIRED = "EXPECTED_DELIVERY_REQUIRED";
    static final String EXPECTED_DELIVERY_IN_PAST = "EXPECTED_DELIVERY_IN_PAST";
    static final String BEST_BEFORE_BEFORE_DELIVERY = "BEST_BEFORE_BEFORE_DELIVERY";
    static final String WITHDRAWN = "PLEDGE_WITHDRAWN";
    static final String FULFILLED = "PLEDGE_FULFILLED";
    static final String LINE_NOT_FOUND = "PLEDGE_LINE_NOT_FOUND";
    static final String LINE_WITHDRAWN = "PLEDGE_LINE_WITHDRAWN";
    static final String LINE_ALREADY_DELIVERED = "PLEDGE_LINE_ALREADY_DELIVERED";
    static final String PARTIALLY_DELIVERED = "PLEDGE_PARTIALLY_DELIVERED";
    static final String DELIVERY_LINES_REQUIRED = "DELIVERY_LINES_REQUIRED";
    static final String DELIVERY_ITEM_MISMATCH = "DELIVERY_ITEM_MISMATCH";

    static final int MAX_LINES = 100;

    @AggregateIdentifier
    private String pledgeId;
    private String donorId;
    private Map<Integer, LineState> lines;
    private boolean withdrawn;
    private boolean fulfilled;

    protected Pledge() {
        // for event sourcing
    }

    @CommandHandler
    public Pledge(MakePledge command, OrganisationLookup organisationLookup, CatalogueLookup catalogueLookup,
                  Clock clock, MetaData metaData) {
        // Another company's id is answered exactly like an unknown one.
        ActingFor.require(metaData, command.donorId(), CommandRefusedException.notFound(OrganisationLookup.NOT_FOUND,
                "donorId", "no organisation " + command.donorId()));
        organisationLookup.requireVerifiedDonor("donorId", command.donorId());
        List<PledgeLineRequest> requested = command.lines() == null ? List.of() : command.lines();
        if (requested.isEmpty() || requested.size() > MAX_LINES) {
            throw CommandRefusedException.invalid(LINES_REQUIRED, "lines",
                    "a pledge has between 1 and " + MAX_LINES + " lines");
        }
        LocalDate today = LocalDate.now(clock);
        List<PledgeLine> pledgeLines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String path = "lines[" + i + "]";
            PledgeLineRequest line = requested.get(i);
            if (line == null) {
                throw CommandRefusedException.invalid(LINES_REQUIRED, path, "a pledge line is required");
            }
            var item = catalogueLookup.requireUsable(path + ".itemCode", line.itemCode());
            BigDecimal quantity = Quantities.requirePositive(path + ".quantity", line.quantity(), item.unit());
            requireDeliveryDates(path + ".", line.expectedDeliveryDate(), line.bestBefore(), today);
            pledgeLines.add(new PledgeLine(i + 1, item.itemCode(), quantity, item.unit(),
                    line.expectedDeliveryDate(), line.bestBefore()));
        }
        apply(new PledgeMade(command.pledgeId(), command.donorId(), pledgeLines,
                Texts.optional("note", command.note(), 1000)));
    }

    @CommandHandler
    public void handle(AmendPledgeLine command, Clock clock, MetaData metaData) {
        requireActingForDonor(metaData);
        requireOpen();
        LineState line = requireChangeableLine(command.lineNo(), "lineNo");
        BigDecimal quantity = Quantities.requirePositive("quantity", command.quantity(), line.unit());
        requireDeliveryDates("", command.expectedDeliveryDate(), command.bestBefore(), LocalDate.now(clock));
        apply(new PledgeLineAmended(pledgeId, command.lineNo(), quantity, command.expectedDeliveryDate(),
                command.bestBefore()));
    }

    @CommandHandler
    public void handle(WithdrawPledgeLine command, MetaData metaData) {
        requireActingForDonor(metaData);
        requireOpen();
        requireChangeableLine(command.lineNo(), "lineNo");
        String reason = Texts.require("reason", command.reason(), 1000);
        apply(new PledgeLineWithdrawn(pledgeId, command.lineNo(), reason));
        // A pledge whose remaining lines have all arrived is complete; one with no lines left was taken back entirely.
        List<LineState> remaining = lines.values().stream()
                .filter(other -> !other.withdrawn() && other.lineNo() != command.lineNo())
                .toList();
        if (remaining.isEmpty()) {
            apply(new PledgeWithdrawn(pledgeId, reason));
        } else if (remaining.stream().allMatch(LineState::complete)) {
            apply(new PledgeFulfilled(pledgeId));
        }
    }

    @CommandHandler
    public void handle(WithdrawPledge command, MetaData metaData) {
        requireActingForDonor(metaData);
        requireOpen();
        // Rule WithdrawOnlyUndeliveredPledges: goods already received keep the pledge on record.
        if (lines.values().stream().anyMatch(line -> line.delivered().signum() > 0)) {
            throw CommandRefusedException.conflict(PARTIALLY_DELIVERED,
                    "goods have already arrived for this pledge; withdraw its undelivered lines instead");
        }
        apply(new PledgeWithdrawn(pledgeId, Texts.require("reason", command.reason(), 1000)));
    }

    /**
     * Records what arrived against the pledge and answers the donor. Deliveries after fulfilment are still recorded,
     * as over-delivery, because the goods are in the warehouse regardless. Called through {@link PledgeDesk} while the
     * warehouse records the receipt.
     */
    String recordDelivery(RecordPledgeDelivery command, OrganisationLookup organisationLookup) {
        if (withdrawn) {
            throw CommandRefusedException.conflict(WITHDRAWN, "the pledge was withdrawn");
        }
        List<DeliveredQuantity> delivered = command.lines() == null ? List.of() : command.lines();
        if (delivered.isEmpty()) {
            throw CommandRefusedException.invalid(DELIVERY_LINES_REQUIRED, "lines", "a delivery has at least one line");
        }
        Map<Integer, BigDecimal> totals = new HashMap<>();
        lines.values().forEach(line -> totals.put(line.lineNo(), line.delivered()));
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < delivered.size(); i++) {
            String path = "lines[" + i + "]";
            DeliveredQuantity delivery = delivered.get(i);
            LineState line = lines.get(delivery.lineNo());
            if (line == null) {
                throw CommandRefusedException.notFound(LINE_NOT_FOUND, path + ".pledgeLineNo",
                        "the pledge has no line " + delivery.lineNo());
            }
            if (line.withdrawn()) {
                throw CommandRefusedException.conflict(LINE_WITHDRAWN, "pledge line " + line.lineNo() + " was withdrawn");
            }
            // Rule DeliveryMustMatchPledgedItem
            if (!line.itemCode().equals(delivery.itemCode())) {
                throw CommandRefusedException.ruleViolated(DELIVERY_ITEM_MISMATCH, path + ".itemCode",
                        "pledge line " + line.lineNo() + " is for " + line.itemCode() + ", not " + delivery.itemCode());
            }
            BigDecimal quantity = Quantities.requirePositive(path + ".quantity", delivery.quantity(), line.unit());
            BigDecimal total = Quantities.normalise(totals.get(line.lineNo()).add(quantity));
            totals.put(line.lineNo(), total);
            events.add(new PledgeDeliveryRecorded(pledgeId, command.receiptId(), command.warehouseId(), line.lineNo(),
                    line.itemCode(), quantity, total));
            if (total.compareTo(line.quantity()) > 0) {
                events.add(new PledgeLineOverDelivered(pledgeId, command.receiptId(), line.lineNo(), line.quantity(),
                        total, Quantities.normalise(total.subtract(line.quantity()))));
            }
        }
        organisationLookup.requireVerifiedDonor("pledgeId", donorId);
        events.forEach(event -> apply(event));
        boolean nowComplete = lines.values().stream()
                .filter(line -> !line.withdrawn())
                .allMatch(line -> totals.get(line.lineNo()).compareTo(line.quantity()) >= 0);
        if (nowComplete && !fulfilled) {
            apply(new PledgeFulfilled(pledgeId));
        }
        return donorId;
    }

    /** Rule ActorMustBelongToOrganisation: to a member of another company this pledge does not exist. */
    private void requireActingForDonor(MetaData metaData) {
        ActingFor.require(metaData, donorId, RefusalTranslatingInterceptor.noSuchRecord(pledgeId));
    }

    private void requireOpen() {
        if (withdrawn) {
            throw CommandRefusedException.conflict(WITHDRAWN, "the pledge was withdrawn");
        }
        if (fulfilled) {
            throw CommandRefusedException.conflict(FULFILLED, "everything pledged has arrived; the pledge is closed");
        }
    }

    /** Rule ChangeOnlyUndeliveredLines: once goods arrived for a line, the line is history. */
    private LineState requireChangeableLine(int lineNo, String field) {
        LineState line = lines.get(lineNo);
        if (line == null) {
            throw CommandRefusedException.notFound(LINE_NOT_FOUND, field, "the pledge has no line " + lineNo);
        }
        if (line.withdrawn()) {
            throw CommandRefusedException.conflict(LINE_WITHDRAWN, "pledge line " + lineNo + " was withdrawn");
        }
        if (line.delivered().signum() > 0) {
            throw CommandRefusedException.conflict(LINE_ALREADY_DELIVERED,
                    "goods have already arrived for pledge line " + lineNo);
        }
        return line;
    }

    /** Rule DeliveryDatesMustBeCoherent: delivery is expected from today on, and goods keep at least until then. */
    private static void requireDeliveryDates(String prefix, LocalDate expectedDelivery, LocalDate bestBefore,
                                             LocalDate today) {
        if (expectedDelivery == null) {
            throw CommandRefusedException.invalid(EXPECTED_DELIVERY_REQUIRED, prefix + "expectedDeliveryDate",
                    "the expected delivery date is required");
        }
        if (expectedDelivery.isBefore(today)) {
            throw CommandRefusedException.invalid(EXPECTED_DELIVERY_IN_PAST, prefix + "expectedDeliveryDate",
                    "the expected delivery date must not be before today (" + today + ")");
        }
        if (bestBefore != null && bestBefore.isBefore(expectedDelivery)) {
            throw CommandRefusedException.invalid(BEST_BEFORE_BEFORE_DELIVERY, prefix + "bestBefore",
                    "goods must keep at least until the expected delivery date");
        }
    }

    @EventSourcingHandler
    void on(PledgeMade event) {
        pledgeId = event.pledgeId();
        donorId = event.donorId();
        lines = new TreeMap<>();
        for (PledgeLine line : event.lines()) {
            lines.put(line.lineNo(), new LineState(line.lineNo(), line.itemCode(), line.unit(), line.quantity()));
        }
    }

    @EventSourcingHandler
    void on(PledgeLineAmended event) {
        lines.computeIfPresent(event.lineNo(), (lineNo, line) -> line.withQuantity(event.quantity()));
    }

    @EventSourcingHandler
    void on(PledgeLineWithdrawn event) {
        lines.computeIfPresent(event.lineNo(), (lineNo, line) -> line.asWithdrawn());
    }

    @EventSourcingHandler
    void on(PledgeWithdrawn event) {
        withdrawn = true;
    }

    @EventSourcingHandler
    void on(PledgeDeliveryRecorded event) {
        lines.computeIfPresent(event.lineNo(), (lineNo, line) -> line.withDelivered(event.deliveredTotal()));
    }

    @EventSourcingHandler
    void on(PledgeFulfilled event) {
        fulfilled = true;
    }

    private record LineState(int lineNo, String itemCode, UnitOfMeasure unit, BigDecimal quantity,
                             BigDecimal delivered, boolean withdrawn) {

        LineState(int lineNo, String itemCode, UnitOfMeasure unit, BigDecimal quantity) {
            this(lineNo, itemCode, unit, quantity, BigDecimal.ZERO, false);
        }

        LineState withQuantity(BigDecimal newQuantity) {
            return new LineState(lineNo, itemCode, unit, newQuantity, delivered, withdrawn);
        }

        LineState withDelivered(BigDecimal total) {
            return new LineState(lineNo, itemCode, unit, quantity, total, withdrawn);
        }

        LineState asWithdrawn() {
            return new LineState(lineNo, itemCode, unit, quantity, delivered, true);
        }

        boolean complete() {
            return delivered.compareTo(quantity) >= 0;
        }
    }
}
