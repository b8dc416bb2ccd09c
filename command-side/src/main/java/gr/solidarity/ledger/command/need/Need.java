package gr.solidarity.ledger.command.need;

import gr.solidarity.ledger.command.catalogue.CatalogueLookup;
import gr.solidarity.ledger.command.common.ActingFor;
import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.Quantities;
import gr.solidarity.ledger.command.common.RefusalTranslatingInterceptor;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.need.NeedDesk.AllocateToNeed;
import gr.solidarity.ledger.command.need.NeedDesk.LineQuantity;
import gr.solidarity.ledger.command.need.NeedDesk.NeedClaim;
import gr.solidarity.ledger.command.need.NeedDesk.RecordNeedDelivery;
import gr.solidarity.ledger.command.need.NeedDesk.ReleaseNeedAllocation;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.need.NeedCommands.AmendNeedLine;
import gr.solidarity.ledger.messages.need.NeedCommands.CancelNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.DeclareNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedAllocated;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedAllocationReleased;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedCancelled;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeclared;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeliveryRecorded;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedFulfilled;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLine;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLineAmended;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLineQuantity;
import gr.solidarity.ledger.messages.need.NeedPriority;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What a recipient structure asks for, line by line. Allocations claim quantities of its lines while they are on their
 * way (proposed, approved, dispatched) and turn them into received quantities when the recipient confirms receipt, so
 * that a need is never promised more than it asked for.
 */
@Aggregate
public class Need {

    static final String LINES_REQUIRED = "NEED_LINES_REQUIRED";
    static final String PRIORITY_REQUIRED = "PRIORITY_REQUIRED";
    static final String NEEDED_BY_REQUIRED = "NEEDED_BY_REQUIRED";
    static final String NEEDED_BY_IN_PAST = "NEEDED_BY_IN_PAST";
    static final String BENEFICIARIES_OUT_OF_RANGE = "BENEFICIARIES_OUT_OF_RANGE";
    static final String CLOSED = "NEED_CLOSED";
    static final String LINE_NOT_FOUND = "NEED_LINE_NOT_FOUND";
    static final String ALREADY_ALLOCATED = "NEED_ALREADY_ALLOCATED";
    static final String HAS_ACTIVE_ALLOCATION = "NEED_HAS_ACTIVE_ALLOCATION";
    static final String ALLOCATION_LINES_REQUIRED = "ALLOCATION_LINES_REQUIRED";
    static final String ALLOCATION_MUST_NOT_EXCEED_NEED = "ALLOCATION_MUST_NOT_EXCEED_NEED";
    static final String DUPLICATE_ALLOCATION = "DUPLICATE_ALLOCATION";
    static final String NO_ACTIVE_ALLOCATION = "NO_ACTIVE_ALLOCATION";

    static final int MAX_LINES = 100;
    static final int MAX_BENEFICIARIES = 100_000;

    @AggregateIdentifier
    private String needId;
    private String recipientId;
    private Map<Integer, LineState> lines;
    /** Every allocation that ever claimed this need, so that none claims twice. */
    private Set<String> allocationsSeen;
    /** Claims not yet received nor released: allocation id → need line → quantity. */
    private Map<String, Map<Integer, BigDecimal>> activeAllocations;
    private boolean closed;

    protected Need() {
        // for event sourcing
    }

    @CommandHandler
    public Need(DeclareNeed command, OrganisationLookup organisationLookup, CatalogueLookup catalogueLookup,
                Clock clock, MetaData metaData) {
        // Another structure's id is answered exactly like an unknown one.
        ActingFor.require(metaData, command.recipientId(), CommandRefusedException.notFound(
                OrganisationLookup.NOT_FOUND, "recipientId", "no organisation " + command.recipientId()));
        organisationLookup.requireVerifiedRecipient("recipientId", command.recipientId());
        List<NeedLineRequest> requested = command.lines() == null ? List.of() : command.lines();
        if (requested.isEmpty() || requested.size() > MAX_LINES) {
            throw CommandRefusedException.invalid(LINES_REQUIRED, "lines",
                    "a need has between 1 and " + MAX_LINES + " lines");
        }
        LocalDate today = LocalDate.now(clock);
        List<NeedLine> needLines = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String path = "lines[" + i + "]";
            NeedLineRequest line = requested.get(i);
            if (line == null) {
                throw CommandRefusedException.invalid(LINES_REQUIRED, path, "a need line is required");
            }
            var item = catalogueLookup.requireUsable(path + ".itemCode", line.itemCode());
            BigDecimal quantity = Quantities.requirePositive(path + ".quantity", line.quantity(), item.unit());
            requireLineTerms(path + ".", line.priority(), line.neededBy(), line.beneficiaries(), today);
            needLines.add(new NeedLine(i + 1, item.itemCode(), quantity, item.unit(), line.priority(),
                    line.neededBy(), line.beneficiaries()));
        }
        apply(new NeedDeclared(command.needId(), command.recipientId(), needLines,
                Texts.optional("note", command.note(), 1000)));
    }

    @CommandHandler
    public void handle(AmendNeedLine command, Clock clock, MetaData metaData) {
        requireActingForRecipient(metaData);
        if (closed) {
            throw CommandRefusedException.conflict(CLOSED, "the need is closed");
        }
        LineState line = lines.get(command.lineNo());
        if (line == null) {
            throw CommandRefusedException.notFound(LINE_NOT_FOUND, "lineNo", "the need has no line " + command.lineNo());
        }
        // Rule AmendOnlyBeforeAllocation: officers decided on the need as it stood.
        if (!allocationsSeen.isEmpty()) {
            throw CommandRefusedException.conflict(ALREADY_ALLOCATED,
                    "stock has already been allocated to this need; it can no longer be changed");
        }
        BigDecimal quantity = Quantities.requirePositive("quantity", command.quantity(), line.unit());
        requireLineTerms("", command.priority(), command.neededBy(), command.beneficiaries(), LocalDate.now(clock));
        apply(new NeedLineAmended(needId, command.lineNo(), quantity, command.priority(), command.neededBy(),
                command.beneficiaries()));
    }

    @CommandHandler
    public void handle(CancelNeed command, MetaData metaData) {
        requireActingForRecipient(metaData);
        if (closed) {
            throw CommandRefusedException.conflict(CLOSED, "the need is already closed");
        }
        // Rule CancelOnlyWithoutGoodsOnTheirWay: an allocation in progress must be rejected or cancelled first.
        if (!activeAllocations.isEmpty()) {
            throw CommandRefusedException.conflict(HAS_ACTIVE_ALLOCATION,
                    "allocations are in progress for this need: " + String.join(", ", activeAllocations.keySet()));
        }
        apply(new NeedCancelled(needId, Texts.require("reason", command.reason(), 1000)));
    }

    /** Called through {@link NeedDesk} while an allocation is proposed. */
    NeedClaim allocate(AllocateToNeed command) {
        if (allocationsSeen.contains(command.allocationId())) {
            throw CommandRefusedException.conflict(DUPLICATE_ALLOCATION,
                    "allocation " + command.allocationId() + " has already claimed this need");
        }
        if (closed) {
            throw CommandRefusedException.ruleViolated(CLOSED, "needId", "the need is closed and takes no allocations");
        }
        var requested = command.lines() == null ? List.<LineQuantity>of()
                : command.lines();
        if (requested.isEmpty()) {
            throw CommandRefusedException.invalid(ALLOCATION_LINES_REQUIRED, "lines",
                    "an allocation claims at least one need line");
        }
        Map<Integer, BigDecimal> claimed = new TreeMap<>();
        for (int i = 0; i < requested.size(); i++) {
            String path = "lines[" + i + "]";
            var claim = requested.get(i);
            LineState line = lines.get(claim.lineNo());
            if (line == null) {
                throw CommandRefusedException.notFound(LINE_NOT_FOUND, path + ".needLineNo",
                        "the need has no line " + claim.lineNo());
            }
            BigDecimal quantity = Quantities.requirePositive(path + ".quantity", claim.quantity(), line.unit());
            claimed.merge(line.lineNo(), quantity, BigDecimal::add);
        }
        // Rule AllocationMustNotExceedNeed: what arrived, what is on its way and this claim fit in what was asked for.
        Map<Integer, BigDecimal> onTheirWay = activeTotals();
        for (var entry : claimed.entrySet()) {
            LineState line = lines.get(entry.getKey());
            BigDecimal committed = line.received().add(onTheirWay.getOrDefault(line.lineNo(), BigDecimal.ZERO));
            if (committed.add(entry.getValue()).compareTo(line.quantity()) > 0) {
                throw CommandRefusedException.ruleViolated(ALLOCATION_MUST_NOT_EXCEED_NEED,
                        "need line " + line.lineNo() + " asks for " + line.quantity().toPlainString() + "; "
                                + committed.toPlainString() + " is already received or allocated, so at most "
                                + line.quantity().subtract(committed).max(BigDecimal.ZERO).toPlainString()
                                + " more can be allocated");
            }
        }
        List<NeedLineQuantity> claimedLines = withItems(claimed);
        apply(new NeedAllocated(needId, command.allocationId(), claimedLines));
        Map<Integer, String> itemCodeByLine = new LinkedHashMap<>();
        claimedLines.forEach(line -> itemCodeByLine.put(line.lineNo(), line.itemCode()));
        return new NeedClaim(recipientId, itemCodeByLine);
    }

    void release(ReleaseNeedAllocation command) {
        Map<Integer, BigDecimal> claim = requireActive(command.allocationId());
        apply(new NeedAllocationReleased(needId, command.allocationId(), withItems(claim),
                Texts.optional("reason", command.reason(), 1000)));
    }

    /** What the recipient actually received may be less (or more) than what was allocated; the rest is not owed. */
    void recordDelivery(RecordNeedDelivery command) {
        requireActive(command.allocationId());
        var delivered = command.lines() == null ? List.<LineQuantity>of()
                : command.lines();
        Map<Integer, BigDecimal> received = new TreeMap<>();
        for (int i = 0; i < delivered.size(); i++) {
            String path = "lines[" + i + "]";
            var line = delivered.get(i);
            LineState state = lines.get(line.lineNo());
            if (state == null) {
                throw CommandRefusedException.notFound(LINE_NOT_FOUND, path + ".needLineNo",
                        "the need has no line " + line.lineNo());
            }
            received.merge(state.lineNo(), Quantities.requireNonNegative(path + ".quantity", line.quantity(), state.unit()),
                    BigDecimal::add);
        }
        // Decided before applying: apply() updates the received totals at once.
        boolean everythingArrived = lines.values().stream().allMatch(line ->
                line.received().add(received.getOrDefault(line.lineNo(), BigDecimal.ZERO)).compareTo(line.quantity()) >= 0);
        apply(new NeedDeliveryRecorded(needId, command.allocationId(), withItems(received)));
        if (everythingArrived && !closed) {
            apply(new NeedFulfilled(needId));
        }
    }

    /** Rule ActorMustBelongToOrganisation: to a member of another structure this need does not exist. */
    private void requireActingForRecipient(MetaData metaData) {
        ActingFor.require(metaData, recipientId, RefusalTranslatingInterceptor.noSuchRecord(needId));
    }

    private Map<Integer, BigDecimal> requireActive(String allocationId) {
        Map<Integer, BigDecimal> claim = activeAllocations.get(allocationId);
        if (claim == null) {
            throw CommandRefusedException.conflict(NO_ACTIVE_ALLOCATION,
                    "allocation " + allocationId + " has no active claim on this need");
        }
        return claim;
    }

    private Map<Integer, BigDecimal> activeTotals() {
        Map<Integer, BigDecimal> totals = new HashMap<>();
        activeAllocations.values().forEach(claim -> claim.forEach((lineNo, quantity) ->
                totals.merge(lineNo, quantity, BigDecimal::add)));
        return totals;
    }

    private List<NeedLineQuantity> withItems(Map<Integer, BigDecimal> quantities) {
        return quantities.entrySet().stream()
                .map(entry -> new NeedLineQuantity(entry.getKey(), lines.get(entry.getKey()).itemCode(),
                        Quantities.normalise(entry.getValue())))
                .toList();
    }

    /** Rule NeedLineTermsMustBeComplete: priority and a date not in the past tell officers what to serve first. */
    private static void requireLineTerms(String prefix, NeedPriority priority, LocalDate neededBy, int beneficiaries,
                                         LocalDate today) {
        if (priority == null) {
            throw CommandRefusedException.invalid(PRIORITY_REQUIRED, prefix + "priority", "priority is required");
        }
        if (neededBy == null) {
            throw CommandRefusedException.invalid(NEEDED_BY_REQUIRED, prefix + "neededBy", "the needed-by date is required");
        }
        if (neededBy.isBefore(today)) {
            throw CommandRefusedException.invalid(NEEDED_BY_IN_PAST, prefix + "neededBy",
                    "the needed-by date must not be before today (" + today + ")");
        }
        if (beneficiaries < 0 || beneficiaries > MAX_BENEFICIARIES) {
            throw CommandRefusedException.invalid(BENEFICIARIES_OUT_OF_RANGE, prefix + "beneficiaries",
                    "beneficiaries must be between 0 and " + MAX_BENEFICIARIES);
        }
    }

    @EventSourcingHandler
    void on(NeedDeclared event) {
        needId = event.needId();
        recipientId = event.recipientId();
        lines = new TreeMap<>();
        for (NeedLine line : event.lines()) {
            lines.put(line.lineNo(), new LineState(line.lineNo(), line.itemCode(), line.unit(), line.quantity()));
        }
        allocationsSeen = new HashSet<>();
        activeAllocations = new LinkedHashMap<>();
    }

    @EventSourcingHandler
    void on(NeedLineAmended event) {
        lines.computeIfPresent(event.lineNo(), (lineNo, line) -> line.withQuantity(event.quantity()));
    }

    @EventSourcingHandler
    void on(NeedCancelled event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(NeedAllocated event) {
        allocationsSeen.add(event.allocationId());
        Map<Integer, BigDecimal> claim = new TreeMap<>();
        event.lines().forEach(line -> claim.put(line.lineNo(), line.quantity()));
        activeAllocations.put(event.allocationId(), claim);
    }

    @EventSourcingHandler
    void on(NeedAllocationReleased event) {
        activeAllocations.remove(event.allocationId());
    }

    @EventSourcingHandler
    void on(NeedDeliveryRecorded event) {
        activeAllocations.remove(event.allocationId());
        event.lines().forEach(delivered ->
                lines.computeIfPresent(delivered.lineNo(), (lineNo, line) -> line.receiving(delivered.quantity())));
    }

    @EventSourcingHandler
    void on(NeedFulfilled event) {
        closed = true;
    }

    private record LineState(int lineNo, String itemCode, UnitOfMeasure unit, BigDecimal quantity,
                             BigDecimal received) {

        LineState(int lineNo, String itemCode, UnitOfMeasure unit, BigDecimal quantity) {
            this(lineNo, itemCode, unit, quantity, BigDecimal.ZERO);
        }

        LineState withQuantity(BigDecimal newQuantity) {
            return new LineState(lineNo, itemCode, unit, newQuantity, received);
        }

        LineState receiving(BigDecimal more) {
            return new LineState(lineNo, itemCode, unit, quantity, received.add(more));
        }
    }
}
