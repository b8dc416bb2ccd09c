package gr.solidarity.ledger.command.allocation;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.Quantities;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.need.NeedDesk;
import gr.solidarity.ledger.command.need.NeedDesk.AllocateToNeed;
import gr.solidarity.ledger.command.need.NeedDesk.LineQuantity;
import gr.solidarity.ledger.command.need.NeedDesk.RecordNeedDelivery;
import gr.solidarity.ledger.command.need.NeedDesk.ReleaseNeedAllocation;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.stock.StockDesk;
import gr.solidarity.ledger.command.stock.StockDesk.DispatchReservation;
import gr.solidarity.ledger.command.stock.StockDesk.ReleaseReservation;
import gr.solidarity.ledger.command.stock.StockDesk.ReservationRequest;
import gr.solidarity.ledger.command.stock.StockDesk.ReserveStock;
import gr.solidarity.ledger.command.support.FakeOrganisations;
import gr.solidarity.ledger.command.support.FixedClock;
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
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static gr.solidarity.ledger.command.support.FixedClock.TODAY;
import static gr.solidarity.ledger.command.support.LedgerFixtures.fixtureFor;
import static gr.solidarity.ledger.command.support.Refusals.refusal;
import static gr.solidarity.ledger.command.support.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

class AllocationTest {

    static final String ALLOCATION = "a110c000-0000-4000-8000-000000000001";
    static final String NEED = "a110c000-0000-4000-8000-0000000000e1";
    static final String RECIPIENT = "a110c000-0000-4000-8000-0000000000c1";
    static final String WAREHOUSE = "a110c000-0000-4000-8000-0000000000f1";
    static final LocalDate DISPATCHED_ON = TODAY.minusDays(2);

    static final List<AllocatedLot> LOTS = List.of(
            new AllocatedLot(1, "LOT-A", "RICE", qty("30")),
            new AllocatedLot(1, "LOT-B", "RICE", qty("10")),
            new AllocatedLot(2, "LOT-C", "MILK", qty("20")));

    AggregateTestFixture<Allocation> fixture;
    FakeOrganisations organisations;
    List<Object> calls;
    RecordingNeedDesk needDesk;
    RecordingStockDesk stockDesk;

    @BeforeEach
    void setUp() {
        organisations = new FakeOrganisations().recipient(RECIPIENT);
        calls = new ArrayList<>();
        needDesk = new RecordingNeedDesk(calls);
        stockDesk = new RecordingStockDesk(calls);
        fixture = fixtureFor(Allocation.class);
        fixture.registerInjectableResource(organisations);
        fixture.registerInjectableResource(needDesk);
        fixture.registerInjectableResource(stockDesk);
        fixture.registerInjectableResource(FixedClock.today());
    }

    static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }

    static AllocationProposed proposed() {
        return new AllocationProposed(ALLOCATION, NEED, RECIPIENT, WAREHOUSE, LOTS, null);
    }

    static AllocationApproved approved() {
        return new AllocationApproved(ALLOCATION, "1234/2026", TODAY.minusDays(3), null);
    }

    static AllocationDispatched dispatched() {
        return new AllocationDispatched(ALLOCATION, WAREHOUSE, RECIPIENT, "ΔΑ-77", DISPATCHED_ON, LOTS);
    }

    static List<ReservedLot> reservedLots() {
        return LOTS.stream().map(lot -> new ReservedLot(lot.needLineNo(), lot.lotId(), lot.itemCode(), lot.quantity()))
                .toList();
    }

    static ProposeAllocation propose(ProposedLine... lines) {
        return new ProposeAllocation(ALLOCATION, NEED, WAREHOUSE, List.of(lines), null);
    }

    // --- ProposeAllocation

    @Test
    void proposesAnAllocationClaimingTheNeedAndReservingStock() {
        stockDesk.reservation = reservedLots();
        fixture.givenNoPriorActivity()
                .when(new ProposeAllocation(ALLOCATION, NEED, WAREHOUSE, List.of(
                        new ProposedLine(1, qty("30.0"), "LOT-A"),
                        new ProposedLine(1, qty("10"), null),
                        new ProposedLine(2, qty("20"), null)), " για το Πάσχα "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AllocationProposed(ALLOCATION, NEED, RECIPIENT, WAREHOUSE, LOTS, "για το Πάσχα"));
        assertThat(calls).containsExactly(
                new AllocateToNeed(NEED, ALLOCATION, List.of(
                        new LineQuantity(1, qty("40")), new LineQuantity(2, qty("20")))),
                new ReserveStock(WAREHOUSE, ALLOCATION, List.of(
                        new ReservationRequest(1, "RICE", qty("30"), "LOT-A"),
                        new ReservationRequest(1, "RICE", qty("10"), null),
                        new ReservationRequest(2, "MILK", qty("20"), null)), TODAY));
    }

    @Test
    void refusesAProposalWithoutLines() {
        fixture.givenNoPriorActivity()
                .when(propose())
                .expectException(refused())
                .expectExceptionDetails(refusal(Allocation.LINES_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
        assertThat(calls).isEmpty();
    }

    @Test
    void refusesAZeroQuantity() {
        fixture.givenNoPriorActivity()
                .when(propose(new ProposedLine(1, BigDecimal.ZERO, null)))
                .expectExceptionDetails(refusal(Quantities.INVALID_QUANTITY, Refusal.Kind.INVALID))
                .expectNoEvents();
        assertThat(calls).isEmpty();
    }

    @Test
    void refusesAProposalWithoutWarehouse() {
        fixture.givenNoPriorActivity()
                .when(new ProposeAllocation(ALLOCATION, NEED, " ", List.of(new ProposedLine(1, qty("1"), null)), null))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    @Test
    void refusesAProposalWithoutNeed() {
        fixture.givenNoPriorActivity()
                .when(new ProposeAllocation(ALLOCATION, null, WAREHOUSE, List.of(new ProposedLine(1, qty("1"), null)), null))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    @Test
    void aNeedThatRefusesTheClaimLeavesTheStockAlone() {
        needDesk.refuseAllocation = () -> CommandRefusedException.ruleViolated("ALLOCATION_MUST_NOT_EXCEED_NEED",
                "too much");
        fixture.givenNoPriorActivity()
                .when(propose(new ProposedLine(1, qty("1000"), null)))
                .expectExceptionDetails(refusal("ALLOCATION_MUST_NOT_EXCEED_NEED"))
                .expectNoEvents();
        assertThat(calls).noneMatch(ReserveStock.class::isInstance);
    }

    @Test
    void stockThatDoesNotCoverTheAllocationLeavesNoProposal() {
        stockDesk.refuseReservation = () -> CommandRefusedException.ruleViolated("STOCK_MUST_COVER_ALLOCATION",
                "only 12 KG of RICE available");
        fixture.givenNoPriorActivity()
                .when(propose(new ProposedLine(1, qty("40"), null)))
                .expectException(refused())
                .expectExceptionDetails(refusal("STOCK_MUST_COVER_ALLOCATION", Refusal.Kind.RULE_VIOLATED))
                .expectNoEvents();
        assertThat(calls).hasSize(2);
    }

    @Test
    void refusesToAllocateToASuspendedStructure() {
        organisations.suspend(RECIPIENT);
        fixture.givenNoPriorActivity()
                .when(propose(new ProposedLine(1, qty("40"), null)))
                .expectExceptionDetails(refusal(OrganisationLookup.NOT_VERIFIED))
                .expectNoEvents();
    }

    // --- ApproveAllocation

    @Test
    void approvesWithProtocolNumberAndGreekAda() {
        fixture.given(proposed())
                .when(new ApproveAllocation(ALLOCATION, " 1234/2026 ", TODAY, "ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ"))
                .expectEvents(new AllocationApproved(ALLOCATION, "1234/2026", TODAY, "ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ"));
    }

    @Test
    void approvesWithAnAdaInLatinCapitals() {
        fixture.given(proposed())
                .when(new ApproveAllocation(ALLOCATION, "55", TODAY.minusDays(1), "6ΓΞ7OR1YQW-2AB"))
                .expectEvents(new AllocationApproved(ALLOCATION, "55", TODAY.minusDays(1), "6ΓΞ7OR1YQW-2AB"));
    }

    @Test
    void approvesWithoutAda() {
        fixture.given(proposed())
                .when(new ApproveAllocation(ALLOCATION, "55", TODAY, ""))
                .expectEvents(new AllocationApproved(ALLOCATION, "55", TODAY, null));
    }

    @Test
    void refusesToApproveTwice() {
        fixture.given(proposed(), approved())
                .when(new ApproveAllocation(ALLOCATION, "55", TODAY, null))
                .expectExceptionDetails(refusal(Allocation.NOT_AWAITING_APPROVAL, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesAnApprovalWithoutProtocolNumber() {
        fixture.given(proposed())
                .when(new ApproveAllocation(ALLOCATION, null, TODAY, null))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    @Test
    void refusesAnOverlongProtocolNumber() {
        fixture.given(proposed())
                .when(new ApproveAllocation(ALLOCATION, "1".repeat(51), TODAY, null))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    @Test
    void refusesAnApprovalWithoutDecisionDate() {
        fixture.given(proposed())
                .when(new ApproveAllocation(ALLOCATION, "55", null, null))
                .expectExceptionDetails(refusal(Allocation.DECISION_DATE_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesADecisionDatedInTheFuture() {
        fixture.given(proposed())
                .when(new ApproveAllocation(ALLOCATION, "55", TODAY.plusDays(1), null))
                .expectExceptionDetails(refusal(Allocation.DECISION_DATE_IN_FUTURE, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ΨΛΣΥ46ΜΤΛΡΑΛΘ", "ψλσυ46μτλρ-αλθ", "ΨΛΣΥ46ΜΤΛ-ΑΛΘ", "ΨΛΣΥ46ΜΤΛΡ-ΑΛ", "ΨΛΣΥ 46ΜΤΛΡ-ΑΛΘ"})
    void refusesAMalformedAda(String ada) {
        fixture.given(proposed())
                .when(new ApproveAllocation(ALLOCATION, "55", TODAY, ada))
                .expectExceptionDetails(refusal(Allocation.INVALID_ADA, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesToApproveForASuspendedStructure() {
        organisations.suspend(RECIPIENT);
        fixture.given(proposed())
                .when(new ApproveAllocation(ALLOCATION, "55", TODAY, null))
                .expectExceptionDetails(refusal(OrganisationLookup.NOT_VERIFIED))
                .expectNoEvents();
    }

    // --- RejectAllocation

    @Test
    void rejectionReleasesTheNeedClaimThenTheReservation() {
        fixture.given(proposed())
                .when(new RejectAllocation(ALLOCATION, "προτεραιότητα σε άλλη δομή"))
                .expectEvents(new AllocationRejected(ALLOCATION, "προτεραιότητα σε άλλη δομή"));
        assertThat(calls).containsExactly(
                new ReleaseNeedAllocation(NEED, ALLOCATION, "προτεραιότητα σε άλλη δομή"),
                new ReleaseReservation(WAREHOUSE, ALLOCATION, "προτεραιότητα σε άλλη δομή"));
    }

    @Test
    void refusesToRejectAnApprovedAllocation() {
        fixture.given(proposed(), approved())
                .when(new RejectAllocation(ALLOCATION, "λόγος"))
                .expectExceptionDetails(refusal(Allocation.NOT_AWAITING_APPROVAL, Refusal.Kind.CONFLICT))
                .expectNoEvents();
        assertThat(calls).isEmpty();
    }

    @Test
    void refusesARejectionWithoutReason() {
        fixture.given(proposed())
                .when(new RejectAllocation(ALLOCATION, " "))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
        assertThat(calls).isEmpty();
    }

    // --- CancelAllocation

    @Test
    void cancellingAProposalReleasesNeedAndStock() {
        fixture.given(proposed())
                .when(new CancelAllocation(ALLOCATION, "λάθος αποθήκη"))
                .expectEvents(new AllocationCancelled(ALLOCATION, "λάθος αποθήκη"));
        assertThat(calls).containsExactly(
                new ReleaseNeedAllocation(NEED, ALLOCATION, "λάθος αποθήκη"),
                new ReleaseReservation(WAREHOUSE, ALLOCATION, "λάθος αποθήκη"));
    }

    @Test
    void cancellingAnApprovedAllocationReleasesNeedAndStock() {
        fixture.given(proposed(), approved())
                .when(new CancelAllocation(ALLOCATION, "η δομή έκλεισε"))
                .expectEvents(new AllocationCancelled(ALLOCATION, "η δομή έκλεισε"));
        assertThat(calls).containsExactly(
                new ReleaseNeedAllocation(NEED, ALLOCATION, "η δομή έκλεισε"),
                new ReleaseReservation(WAREHOUSE, ALLOCATION, "η δομή έκλεισε"));
    }

    @Test
    void refusesToCancelADispatchedAllocation() {
        fixture.given(proposed(), approved(), dispatched())
                .when(new CancelAllocation(ALLOCATION, "λόγος"))
                .expectExceptionDetails(refusal(Allocation.CANNOT_BE_CANCELLED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
        assertThat(calls).isEmpty();
    }

    @Test
    void refusesToCancelARejectedAllocation() {
        fixture.given(proposed(), new AllocationRejected(ALLOCATION, "α"))
                .when(new CancelAllocation(ALLOCATION, "λόγος"))
                .expectExceptionDetails(refusal(Allocation.CANNOT_BE_CANCELLED))
                .expectNoEvents();
    }

    @Test
    void refusesACancellationWithoutReason() {
        fixture.given(proposed())
                .when(new CancelAllocation(ALLOCATION, null))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    // --- DispatchAllocation

    @Test
    void dispatchesTheReservedStock() {
        stockDesk.dispatchResult = reservedLots();
        fixture.given(proposed(), approved())
                .when(new DispatchAllocation(ALLOCATION, "ΔΑ-77", DISPATCHED_ON))
                .expectEvents(dispatched());
        assertThat(calls).containsExactly(new DispatchReservation(WAREHOUSE, ALLOCATION, "ΔΑ-77", DISPATCHED_ON));
    }

    @Test
    void refusesToDispatchBeforeApproval() {
        fixture.given(proposed())
                .when(new DispatchAllocation(ALLOCATION, "ΔΑ-77", TODAY))
                .expectExceptionDetails(refusal(Allocation.NOT_APPROVED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
        assertThat(calls).isEmpty();
    }

    @Test
    void refusesADispatchWithoutManifest() {
        fixture.given(proposed(), approved())
                .when(new DispatchAllocation(ALLOCATION, "", TODAY))
                .expectExceptionDetails(refusal(Texts.INVALID_TEXT))
                .expectNoEvents();
    }

    @Test
    void refusesADispatchWithoutDate() {
        fixture.given(proposed(), approved())
                .when(new DispatchAllocation(ALLOCATION, "ΔΑ-77", null))
                .expectExceptionDetails(refusal(Allocation.DISPATCHED_ON_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesADispatchDatedInTheFuture() {
        fixture.given(proposed(), approved())
                .when(new DispatchAllocation(ALLOCATION, "ΔΑ-77", TODAY.plusDays(1)))
                .expectExceptionDetails(refusal(Allocation.DISPATCHED_ON_IN_FUTURE, Refusal.Kind.INVALID))
                .expectNoEvents();
        assertThat(calls).isEmpty();
    }

    @Test
    void refusesToDispatchToASuspendedStructure() {
        organisations.suspend(RECIPIENT);
        stockDesk.dispatchResult = reservedLots();
        fixture.given(proposed(), approved())
                .when(new DispatchAllocation(ALLOCATION, "ΔΑ-77", TODAY))
                .expectExceptionDetails(refusal(OrganisationLookup.NOT_VERIFIED))
                .expectNoEvents();
    }

    // --- ConfirmAllocationReceipt

    @Test
    void confirmsReceiptRecordingDifferencesAndUnlistedLotsInFull() {
        fixture.given(proposed(), approved(), dispatched())
                .when(new ConfirmAllocationReceipt(ALLOCATION, TODAY, List.of(
                        new ReceivedLine("LOT-A", qty("28.00"), "σπασμένες συσκευασίες"))))
                .expectEvents(new AllocationReceiptConfirmed(ALLOCATION, NEED, RECIPIENT, TODAY, List.of(
                        new ReceiptLine(1, "LOT-A", "RICE", qty("30"), qty("28"), qty("-2"), "σπασμένες συσκευασίες"),
                        new ReceiptLine(1, "LOT-B", "RICE", qty("10"), qty("10"), qty("0"), null),
                        new ReceiptLine(2, "LOT-C", "MILK", qty("20"), qty("20"), qty("0"), null))));
        assertThat(calls).containsExactly(new RecordNeedDelivery(NEED, ALLOCATION, List.of(
                new LineQuantity(1, qty("38")), new LineQuantity(2, qty("20")))));
    }

    @Test
    void aLotServingTwoNeedLinesFillsThemInOrder() {
        var lots = List.of(new AllocatedLot(1, "LOT-A", "RICE", qty("30")), new AllocatedLot(3, "LOT-A", "RICE", qty("10")));
        fixture.given(new AllocationProposed(ALLOCATION, NEED, RECIPIENT, WAREHOUSE, lots, null), approved(),
                        new AllocationDispatched(ALLOCATION, WAREHOUSE, RECIPIENT, "ΔΑ-77", DISPATCHED_ON, lots))
                .when(new ConfirmAllocationReceipt(ALLOCATION, DISPATCHED_ON, List.of(
                        new ReceivedLine("LOT-A", qty("35"), null))))
                .expectEvents(new AllocationReceiptConfirmed(ALLOCATION, NEED, RECIPIENT, DISPATCHED_ON, List.of(
                        new ReceiptLine(1, "LOT-A", "RICE", qty("30"), qty("30"), qty("0"), null),
                        new ReceiptLine(3, "LOT-A", "RICE", qty("10"), qty("5"), qty("-5"), null))));
        assertThat(calls).containsExactly(new RecordNeedDelivery(NEED, ALLOCATION, List.of(
                new LineQuantity(1, qty("30")), new LineQuantity(3, qty("5")))));
    }

    @Test
    void refusesToConfirmAnUndispatchedAllocation() {
        fixture.given(proposed(), approved())
                .when(new ConfirmAllocationReceipt(ALLOCATION, TODAY, List.of()))
                .expectExceptionDetails(refusal(Allocation.NOT_DISPATCHED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
        assertThat(calls).isEmpty();
    }

    @Test
    void refusesAReceiptWithoutDate() {
        fixture.given(proposed(), approved(), dispatched())
                .when(new ConfirmAllocationReceipt(ALLOCATION, null, List.of()))
                .expectExceptionDetails(refusal(Allocation.RECEIVED_ON_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAReceiptBeforeTheDispatch() {
        fixture.given(proposed(), approved(), dispatched())
                .when(new ConfirmAllocationReceipt(ALLOCATION, DISPATCHED_ON.minusDays(1), List.of()))
                .expectExceptionDetails(refusal(Allocation.RECEIVED_ON_OUT_OF_RANGE, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAReceiptInTheFuture() {
        fixture.given(proposed(), approved(), dispatched())
                .when(new ConfirmAllocationReceipt(ALLOCATION, TODAY.plusDays(1), List.of()))
                .expectExceptionDetails(refusal(Allocation.RECEIVED_ON_OUT_OF_RANGE))
                .expectNoEvents();
    }

    @Test
    void refusesALotThatWasNotDispatched() {
        fixture.given(proposed(), approved(), dispatched())
                .when(new ConfirmAllocationReceipt(ALLOCATION, TODAY, List.of(new ReceivedLine("LOT-Z", qty("1"), null))))
                .expectExceptionDetails(refusal(Allocation.UNKNOWN_LOT, Refusal.Kind.INVALID))
                .expectNoEvents();
        assertThat(calls).isEmpty();
    }

    @Test
    void refusesALotListedTwice() {
        fixture.given(proposed(), approved(), dispatched())
                .when(new ConfirmAllocationReceipt(ALLOCATION, TODAY, List.of(
                        new ReceivedLine("LOT-A", qty("1"), null), new ReceivedLine("LOT-A", qty("2"), null))))
                .expectExceptionDetails(refusal(Allocation.DUPLICATE_LOT, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesANegativeReceivedQuantity() {
        fixture.given(proposed(), approved(), dispatched())
                .when(new ConfirmAllocationReceipt(ALLOCATION, TODAY, List.of(new ReceivedLine("LOT-A", qty("-1"), null))))
                .expectExceptionDetails(refusal(Quantities.INVALID_QUANTITY))
                .expectNoEvents();
    }

    @Test
    void refusesToConfirmTwice() {
        fixture.given(proposed(), approved(), dispatched(), new AllocationReceiptConfirmed(ALLOCATION, NEED, RECIPIENT,
                        TODAY, List.of()))
                .when(new ConfirmAllocationReceipt(ALLOCATION, TODAY, List.of()))
                .expectExceptionDetails(refusal(Allocation.NOT_DISPATCHED))
                .expectNoEvents();
    }

    /** Answers the claim like a need would and records every call, in order, in a log shared with the stock desk. */
    static final class RecordingNeedDesk implements NeedDesk {
        final List<Object> calls;
        Supplier<CommandRefusedException> refuseAllocation;

        RecordingNeedDesk(List<Object> calls) {
            this.calls = calls;
        }

        @Override
        public NeedClaim allocate(AllocateToNeed command) {
            calls.add(command);
            if (refuseAllocation != null) {
                throw refuseAllocation.get();
            }
            return new NeedClaim(RECIPIENT, Map.of(1, "RICE", 2, "MILK", 3, "RICE"));
        }

        @Override
        public void release(ReleaseNeedAllocation command) {
            calls.add(command);
        }

        @Override
        public void recordDelivery(RecordNeedDelivery command) {
            calls.add(command);
        }
    }

    static final class RecordingStockDesk implements StockDesk {
        final List<Object> calls;
        Supplier<CommandRefusedException> refuseReservation;
        List<ReservedLot> reservation = List.of();
        List<ReservedLot> dispatchResult = List.of();

        RecordingStockDesk(List<Object> calls) {
            this.calls = calls;
        }

        @Override
        public List<ReservedLot> reserve(ReserveStock command) {
            calls.add(command);
            if (refuseReservation != null) {
                throw refuseReservation.get();
            }
            return reservation;
        }

        @Override
        public List<ReservedLot> release(ReleaseReservation command) {
            calls.add(command);
            return List.of();
        }

        @Override
        public List<ReservedLot> dispatch(DispatchReservation command) {
            calls.add(command);
            return dispatchResult;
        }
    }
}
