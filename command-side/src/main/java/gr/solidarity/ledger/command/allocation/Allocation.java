package gr.solidarity.ledger.command.allocation;

import gr.solidarity.ledger.command.common.ActingFor;
import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.Quantities;
import gr.solidarity.ledger.command.common.RefusalTranslatingInterceptor;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.need.NeedDesk;
import gr.solidarity.ledger.command.need.NeedDesk.AllocateToNeed;
import gr.solidarity.ledger.command.need.NeedDesk.LineQuantity;
import gr.solidarity.ledger.command.need.NeedDesk.NeedClaim;
import gr.solidarity.ledger.command.need.NeedDesk.RecordNeedDelivery;
import gr.solidarity.ledger.command.need.NeedDesk.ReleaseNeedAllocation;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.stock.StockDesk;
import gr.solidarity.ledger.command.stock.StockDesk.DispatchReservation;
import gr.solidarity.ledger.command.stock.StockDesk.ReleaseReservation;
import gr.solidarity.ledger.command.stock.StockDesk.ReservationRequest;
import gr.solidarity.ledger.command.stock.StockDesk.ReserveStock;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ApproveAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.CancelAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ConfirmAllocationReceipt;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.DispatchAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposeAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposedLine;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ReceivedLine;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.RejectAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocatedLot;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationApproved;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationCancelled;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationDispatched;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationProposed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationRejected;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.ReceiptLine;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
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
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A decision to serve a need from one warehouse's stock (κατανομή): proposed by an officer with the stock reserved at
 * once, approved or rejected by the director, dispatched with one manifest, and confirmed by the recipient. The need's
 * claim and the warehouse's reservation change in the same unit of work as the allocation, so they never disagree.
 * <p>
 * Lock order inside every handler: this allocation, then the need, then the warehouse, then the organisation.
 */
@Aggregate
public class Allocation {

    static final String LINES_REQUIRED = "ALLOCATION_LINES_REQUIRED";
    static final String NOT_AWAITING_APPROVAL = "ALLOCATION_NOT_AWAITING_APPROVAL";
    static final String CANNOT_BE_CANCELLED = "ALLOCATION_CANNOT_BE_CANCELLED";
    static final String NOT_APPROVED = "ALLOCATION_NOT_APPROVED";
    static final String NOT_DISPATCHED = "ALLOCATION_NOT_DISPATCHED";
    static final String DECISION_DATE_REQUIRED = "DECISION_DATE_REQUIRED";
    static final String DECISION_DATE_IN_FUTURE = "DECISION_DATE_IN_FUTURE";
    static final String INVALID_ADA = "INVALID_ADA";
    static final String DISPATCHED_ON_REQUIRED = "DISPATCHED_ON_REQUIRED";
    static final String DISPATCHED_ON_IN_FUTURE = "DISPATCHED_ON_IN_FUTURE";
    static final String RECEIVED_ON_REQUIRED = "RECEIVED_ON_REQUIRED";
    static final String RECEIVED_ON_OUT_OF_RANGE = "RECEIVED_ON_OUT_OF_RANGE";
    static final String UNKNOWN_LOT = "UNKNOWN_LOT";
    static final String DUPLICATE_LOT = "DUPLICATE_LOT";
    static final String APPROVER_MUST_NOT_BE_PROPOSER = "APPROVER_MUST_NOT_BE_PROPOSER";

    /** Diavgeia's decision id (ΑΔΑ): ten capitals or digits, a hyphen, three more; Greek or Latin capitals occur. */
    static final Pattern ADA = Pattern.compile("^[Α-ΩA-Z0-9]{4}[Α-ΩA-Z0-9]{6}-[Α-ΩA-Z0-9]{3}$");

    @AggregateIdentifier
    private String allocationId;
    private String needId;
    private String recipientId;
    private String warehouseId;
    private AllocationStatus status;
    private List<AllocatedLot> dispatched;
    private LocalDate dispatchedOn;
    /** The user id of whoever proposed it, from the proposal's metadata; null for proposals recorded without one. */
    private String proposedBy;

    protected Allocation() {
        // for event sourcing
    }

    @CommandHandler
    public Allocation(ProposeAllocation command, NeedDesk needDesk, StockDesk stockDesk,
                      OrganisationLookup organisationLookup, Clock clock, MetaData metaData) {
        String needId = Texts.require("needId", command.needId(), 100);
        String warehouseId = Texts.require("warehouseId", command.warehouseId(), 100);
        List<ProposedLine> proposed = command.lines() == null ? List.of() : command.lines();
        if (proposed.isEmpty()) {
            throw CommandRefusedException.invalid(LINES_REQUIRED, "lines", "an allocation has at least one line");
        }
        List<ProposedLine> lines = new ArrayList<>();
        Map<Integer, BigDecimal> perNeedLine = new TreeMap<>();
        for (int i = 0; i < proposed.size(); i++) {
            String path = "lines[" + i + "]";
            ProposedLine line = proposed.get(i);
            if (line == null) {
                throw CommandRefusedException.invalid(LINES_REQUIRED, path, "an allocation line is required");
            }
            BigDecimal quantity = Quantities.requirePositive(path + ".quantity", line.quantity(), null);
            lines.add(new ProposedLine(line.needLineNo(), quantity, Texts.optional(path + ".lotId", line.lotId(), 100)));
            perNeedLine.merge(line.needLineNo(), quantity, BigDecimal::add);
        }
        NeedClaim claim = needDesk.allocate(new AllocateToNeed(needId, command.allocationId(),
                perNeedLine.entrySet().stream()
                        .map(entry -> new LineQuantity(entry.getKey(), Quantities.normalise(entry.getValue())))
                        .toList()));
        List<ReservedLot> reservedLots = stockDesk.reserve(new ReserveStock(warehouseId, command.allocationId(),
                lines.stream()
                        .map(line -> new ReservationRequest(line.needLineNo(),
                                claim.itemCodeByLine().get(line.needLineNo()), line.quantity(), line.lotId()))
                        .toList(),
                LocalDate.now(clock)));
        // Rule OnlyVerifiedOrganisationsPledgeOrReceive: a suspended structure cannot be allocated to.
        organisationLookup.requireVerifiedRecipient("needId", claim.recipientId());
        // The proposer is attached here, not left to correlation data alone: the approval's four-eyes rule reads it.
        apply(new AllocationProposed(command.allocationId(), needId, claim.recipientId(), warehouseId,
                allocatedLots(reservedLots), Texts.optional("note", command.note(), 1000)),
                MetaData.from(Actor.fromMetaData(metaData).toMetaData()));
    }

    @CommandHandler
    public void handle(ApproveAllocation command, OrganisationLookup organisationLookup, Clock clock,
                       MetaData metaData) {
        if (status != AllocationStatus.AWAITING_APPROVAL) {
            throw CommandRefusedException.conflict(NOT_AWAITING_APPROVAL,
                    "only an allocation awaiting approval can be approved; this one is " + status);
        }
        requireFourEyes(Actor.fromMetaData(metaData));
        String protocolNumber = Texts.require("protocolNumber", command.protocolNumber(), 50);
        if (command.decisionDate() == null) {
            throw CommandRefusedException.invalid(DECISION_DATE_REQUIRED, "decisionDate", "the decision date is required");
        }
        LocalDate today = LocalDate.now(clock);
        if (command.decisionDate().isAfter(today)) {
            throw CommandRefusedException.invalid(DECISION_DATE_IN_FUTURE, "decisionDate",
                    "the decision date must not be after today (" + today + ")");
        }
        String ada = Texts.optional("ada", command.ada(), 20);
        if (ada != null && !ADA.matcher(ada).matches()) {
            throw CommandRefusedException.invalid(INVALID_ADA, "ada",
                    "ΑΔΑ must look like ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ (capitals and digits, a hyphen before the last three)");
        }
        organisationLookup.requireVerifiedRecipient("allocationId", recipientId);
        apply(new AllocationApproved(allocationId, protocolNumber, command.decisionDate(), ada));
    }

    /** The director's no; recorded with its reason, and the claimed need and reserved stock are free again. */
    @CommandHandler
    public void handle(RejectAllocation command, NeedDesk needDesk, StockDesk stockDesk) {
        if (status != AllocationStatus.AWAITING_APPROVAL) {
            throw CommandRefusedException.conflict(NOT_AWAITING_APPROVAL,
                    "only an allocation awaiting approval can be rejected; this one is " + status);
        }
        String reason = Texts.require("reason", command.reason(), 1000);
        releaseClaims(needDesk, stockDesk, reason);
        apply(new AllocationRejected(allocationId, reason));
    }

    @CommandHandler
    public void handle(CancelAllocation command, NeedDesk needDesk, StockDesk stockDesk) {
        // Rule CancelOnlyBeforeDispatch: once goods left the warehouse, only the receipt can settle the allocation.
        if (status != AllocationStatus.AWAITING_APPROVAL && status != AllocationStatus.APPROVED) {
            throw CommandRefusedException.conflict(CANNOT_BE_CANCELLED,
                    "only an allocation awaiting approval or approved can be cancelled; this one is " + status);
        }
        String reason = Texts.require("reason", command.reason(), 1000);
        releaseClaims(needDesk, stockDesk, reason);
        apply(new AllocationCancelled(allocationId, reason));
    }

    @CommandHandler
    public void handle(DispatchAllocation command, StockDesk stockDesk, OrganisationLookup organisationLookup,
                       Clock clock) {
        if (status != AllocationStatus.APPROVED) {
            throw CommandRefusedException.conflict(NOT_APPROVED,
                    "only an approved allocation can be dispatched; this one is " + status);
        }
        String manifestNumber = Texts.require("manifestNumber", command.manifestNumber(), 50);
        if (command.dispatchedOn() == null) {
            throw CommandRefusedException.invalid(DISPATCHED_ON_REQUIRED, "dispatchedOn", "the dispatch date is required");
        }
        LocalDate today = LocalDate.now(clock);
        if (command.dispatchedOn().isAfter(today)) {
            throw CommandRefusedException.invalid(DISPATCHED_ON_IN_FUTURE, "dispatchedOn",
                    "the dispatch date must not be after today (" + today + ")");
        }
        List<ReservedLot> shipped = stockDesk.dispatch(new DispatchReservation(warehouseId, allocationId, manifestNumber,
                command.dispatchedOn()));
        organisationLookup.requireVerifiedRecipient("allocationId", recipientId);
        apply(new AllocationDispatched(allocationId, warehouseId, recipientId, manifestNumber, command.dispatchedOn(),
                allocatedLots(shipped)));
    }

    /**
     * The recipient states what arrived of each dispatched lot; a lot it does not mention arrived in full. Only what
     * arrived counts as delivered to the need.
     */
    @CommandHandler
    public void handle(ConfirmAllocationReceipt command, NeedDesk needDesk, Clock clock, MetaData metaData) {
        // Rule ActorMustBelongToOrganisation: to a member of another structure this allocation does not exist.
        ActingFor.require(metaData, recipientId, RefusalTranslatingInterceptor.noSuchRecord(allocationId));
        if (status != AllocationStatus.DISPATCHED) {
            throw CommandRefusedException.conflict(NOT_DISPATCHED,
                    "only a dispatched allocation can be confirmed as received; this one is " + status);
        }
        if (command.receivedOn() == null) {
            throw CommandRefusedException.invalid(RECEIVED_ON_REQUIRED, "receivedOn", "the date of receipt is required");
        }
        LocalDate today = LocalDate.now(clock);
        if (command.receivedOn().isBefore(dispatchedOn) || command.receivedOn().isAfter(today)) {
            throw CommandRefusedException.invalid(RECEIVED_ON_OUT_OF_RANGE, "receivedOn",
                    "the date of receipt must be between the dispatch date (" + dispatchedOn + ") and today ("
                            + today + ")");
        }
        Map<String, ReceivedLine> stated = new HashMap<>();
        List<ReceivedLine> received = command.lines() == null ? List.of() : command.lines();
        for (int i = 0; i < received.size(); i++) {
            String path = "lines[" + i + "]";
            ReceivedLine line = received.get(i);
            String lotId = line == null ? null : line.lotId();
            if (lotId == null || dispatched.stream().noneMatch(lot -> lot.lotId().equals(lotId))) {
                throw CommandRefusedException.invalid(UNKNOWN_LOT, path + ".lotId",
                        "lot " + lotId + " was not dispatched with this allocation");
            }
            if (stated.containsKey(lotId)) {
                throw CommandRefusedException.invalid(DUPLICATE_LOT, path + ".lotId", "lot " + lotId + " is listed twice");
            }
            stated.put(lotId, new ReceivedLine(lotId,
                    Quantities.requireNonNegative(path + ".receivedQuantity", line.receivedQuantity(), null),
                    Texts.optional(path + ".note", line.note(), 1000)));
        }
        List<ReceiptLine> receiptLines = receiptLines(stated);
        Map<Integer, BigDecimal> perNeedLine = new TreeMap<>();
        receiptLines.forEach(line -> perNeedLine.merge(line.needLineNo(), line.received(), BigDecimal::add));
        needDesk.recordDelivery(new RecordNeedDelivery(needId, allocationId, perNeedLine.entrySet().stream()
                .map(entry -> new LineQuantity(entry.getKey(), Quantities.normalise(entry.getValue())))
                .toList()));
        apply(new AllocationReceiptConfirmed(allocationId, needId, recipientId, command.receivedOn(), receiptLines));
    }

    /**
     * Rule ApproverMustNotBeProposer: a second person decides on every proposal. Demo data and first-start set-up are
     * proposed and approved by the system, which is no person.
     */
    private void requireFourEyes(Actor approver) {
        if (!approver.isSystem() && approver.userId().equals(proposedBy)) {
            throw CommandRefusedException.forbidden(APPROVER_MUST_NOT_BE_PROPOSER,
                    "an allocation is approved by someone other than the one who proposed it");
        }
    }

    /**
     * One lot may serve several need lines (two lines for the same item); what arrived of it fills those lines in
     * order, and anything beyond what was dispatched is put on the last one.
     */
    private List<ReceiptLine> receiptLines(Map<String, ReceivedLine> stated) {
        Map<String, BigDecimal> unassigned = new HashMap<>();
        stated.forEach((lotId, line) -> unassigned.put(lotId, line.receivedQuantity()));
        Map<String, Integer> remainingLines = new HashMap<>();
        dispatched.forEach(lot -> remainingLines.merge(lot.lotId(), 1, Integer::sum));
        List<ReceiptLine> lines = new ArrayList<>();
        for (AllocatedLot lot : dispatched) {
            ReceivedLine statement = stated.get(lot.lotId());
            BigDecimal received;
            if (statement == null) {
                received = lot.quantity();
            } else {
                int left = remainingLines.merge(lot.lotId(), -1, Integer::sum);
                BigDecimal available = unassigned.get(lot.lotId());
                received = left == 0 ? available : available.min(lot.quantity());
                unassigned.put(lot.lotId(), available.subtract(received));
            }
            lines.add(new ReceiptLine(lot.needLineNo(), lot.lotId(), lot.itemCode(), lot.quantity(),
                    Quantities.normalise(received), Quantities.normalise(received.subtract(lot.quantity())),
                    statement == null ? null : statement.note()));
        }
        return lines;
    }

    /** Need before warehouse, as everywhere, so that two allocations never wait on each other. */
    private void releaseClaims(NeedDesk needDesk, StockDesk stockDesk, String reason) {
        needDesk.release(new ReleaseNeedAllocation(needId, allocationId, reason));
        stockDesk.release(new ReleaseReservation(warehouseId, allocationId, reason));
    }

    private static List<AllocatedLot> allocatedLots(List<ReservedLot> lots) {
        return lots.stream()
                .map(lot -> new AllocatedLot(lot.needLineNo(), lot.lotId(), lot.itemCode(), Quantities.normalise(lot.quantity())))
                .toList();
    }

    @EventSourcingHandler
    void on(AllocationProposed event, @MetaDataValue(Actor.USER_ID) String proposer) {
        allocationId = event.allocationId();
        proposedBy = proposer;
        needId = event.needId();
        recipientId = event.recipientId();
        warehouseId = event.warehouseId();
        status = AllocationStatus.AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(AllocationApproved event) {
        status = AllocationStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(AllocationRejected event) {
        status = AllocationStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(AllocationCancelled event) {
        status = AllocationStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(AllocationDispatched event) {
        status = AllocationStatus.DISPATCHED;
        dispatchedOn = event.dispatchedOn();
        dispatched = event.lines();
    }

    @EventSourcingHandler
    void on(AllocationReceiptConfirmed event) {
        status = AllocationStatus.RECEIVED;
    }
}
