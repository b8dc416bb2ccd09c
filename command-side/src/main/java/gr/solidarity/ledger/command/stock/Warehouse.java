package gr.solidarity.ledger.command.stock;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import gr.solidarity.ledger.command.catalogue.CatalogueLookup;
import gr.solidarity.ledger.command.catalogue.CatalogueLookup.CatalogueEntry;
import gr.solidarity.ledger.command.common.Addresses;
import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.Quantities;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.geography.Municipalities;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.pledge.PledgeDesk;
import gr.solidarity.ledger.command.pledge.PledgeDesk.DeliveredQuantity;
import gr.solidarity.ledger.command.pledge.PledgeDesk.RecordPledgeDelivery;
import gr.solidarity.ledger.command.stock.StockDesk.DispatchReservation;
import gr.solidarity.ledger.command.stock.StockDesk.ReleaseReservation;
import gr.solidarity.ledger.command.stock.StockDesk.ReservationRequest;
import gr.solidarity.ledger.command.stock.StockDesk.ReserveStock;
import gr.solidarity.ledger.command.stock.StockTransfers.ReceiveTransfer;
import gr.solidarity.ledger.command.stock.StockTransfers.ShipTransfer;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.history.StoredType;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
import gr.solidarity.ledger.messages.stock.ReceiptRecorded;
import gr.solidarity.ledger.messages.stock.StockCommands.AdjustStock;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.stock.StockCommands.RecordPhysicalCount;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferLine;
import gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.LotQuantity;
import gr.solidarity.ledger.messages.stock.StockEvents.LotReceived;
import gr.solidarity.ledger.messages.stock.StockEvents.PhysicalCountRecorded;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservationReleased;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedStockDispatched;
import gr.solidarity.ledger.messages.stock.StockEvents.StockAdjusted;
import gr.solidarity.ledger.messages.stock.StockEvents.StockReserved;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredIn;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredOut;
import gr.solidarity.ledger.messages.stock.StockEvents.TransferredLot;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;
import gr.solidarity.ledger.messages.warehouse.WarehouseEvents.WarehouseRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A warehouse and all of its stock. Every rule about available stock (on hand minus reserved) is decided against this
 * one state, so two allocations racing for the same lot are serialised by the aggregate, and the loser sees what the
 * winner took.
 * <p>
 * Only lots with goods on hand are kept: a lot whose goods have all left (dispatched, moved away, adjusted or counted
 * down to nothing) and that nothing is reserved of is dropped, so the state and its snapshots stay the size of the
 * stock on the shelves, not of the warehouse's history. Only the ids of such lots are kept: taking goods from one is
 * refused as stock that does not cover, counting or adjusting it as for an unknown lot.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger", snapshotFilter = "ledgerSnapshotFilter")
@StoredType(name = "stock.Warehouse", revision = 3)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Warehouse {

    static final String WAREHOUSE_NOT_FOUND = StockDesk.WAREHOUSE_NOT_FOUND;
    static final String DUPLICATE_RECEIPT = "DUPLICATE_RECEIPT";
    static final String RECEIPT_LINES_REQUIRED = "RECEIPT_LINES_REQUIRED";
    static final String RECEIVED_ON_REQUIRED = "RECEIVED_ON_REQUIRED";
    static final String RECEIVED_ON_IN_FUTURE = "RECEIVED_ON_IN_FUTURE";
    static final String COUNTED_ON_IN_FUTURE = "COUNTED_ON_IN_FUTURE";
    static final String COUNTED_BEFORE_RECEIPT = "COUNTED_BEFORE_RECEIPT";
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    static final String EXPIRY_DATE_REQUIRED_FOR_PERISHABLE = "EXPIRY_DATE_REQUIRED_FOR_PERISHABLE";
    static final String EXPIRED_ON_RECEIPT = "EXPIRED_ON_RECEIPT";
    static final String PLEDGE_LINE_REQUIRED = "PLEDGE_LINE_REQUIRED";
    static final String PLEDGE_LINE_WITHOUT_PLEDGE = "PLEDGE_LINE_WITHOUT_PLEDGE";
    static final String DONOR_REQUIRED = "DONOR_REQUIRED";
    static final String DONOR_DOES_NOT_MATCH_PLEDGE = "DONOR_DOES_NOT_MATCH_PLEDGE";
    static final String LOT_NOT_FOUND = "LOT_NOT_FOUND";
    static final String ADJUSTMENT_REASON_REQUIRED = "ADJUSTMENT_REASON_REQUIRED";
    static final String COMMENT_REQUIRED_FOR_OTHER = "COMMENT_REQUIRED_FOR_OTHER";
    static final String ADJUSTMENT_MUST_LEAVE_RESERVED_STOCK = "ADJUSTMENT_MUST_LEAVE_RESERVED_STOCK";
    static final String COUNT_BELOW_RESERVED = "COUNT_BELOW_RESERVED";
    static final String DUPLICATE_RESERVATION = "DUPLICATE_RESERVATION";
    static final String RESERVATION_LINES_REQUIRED = "RESERVATION_LINES_REQUIRED";
    static final String RESERVATION_DATE_REQUIRED = "RESERVATION_DATE_REQUIRED";
    static final String LOT_ITEM_MISMATCH = "LOT_ITEM_MISMATCH";
    static final String EXPIRED_LOT_CANNOT_BE_ALLOCATED = "EXPIRED_LOT_CANNOT_BE_ALLOCATED";
    static final String EXPIRED_LOT_CANNOT_BE_DISPATCHED = "EXPIRED_LOT_CANNOT_BE_DISPATCHED";
    static final String STOCK_MUST_COVER_ALLOCATION = "STOCK_MUST_COVER_ALLOCATION";
    static final String NO_ACTIVE_RESERVATION = "NO_ACTIVE_RESERVATION";
    static final String TRANSFER_LINES_REQUIRED = "TRANSFER_LINES_REQUIRED";
    static final String STOCK_MUST_COVER_TRANSFER = "STOCK_MUST_COVER_TRANSFER";
    static final String DUPLICATE_TRANSFER = "DUPLICATE_TRANSFER";

    static final int MAX_RECEIPT_LINES = 200;

    @AggregateIdentifier
    private String warehouseId;
    /** Lot id → lot with goods on hand, in the order the lots arrived. */
    private Map<String, Lot> lots = new LinkedHashMap<>();
    private Set<String> receiptIds = new HashSet<>();
    private Set<String> transferIds = new HashSet<>();
    /**
     * The lots whose goods have all left, by id only: naming one to allocate or move is refused as stock that does not
     * cover it, as before a used-up lot was dropped, rather than as a lot never seen (about 40 bytes a lot).
     */
    private Set<String> usedUpLots = new HashSet<>();
    /** Allocation id → what is reserved for it, while the reservation is active. */
    private Map<String, List<ReservedLot>> reservations = new HashMap<>();

    protected Warehouse() {
        // for event sourcing
    }

    @CommandHandler
    public Warehouse(RegisterWarehouse command) {
        String name = Texts.require("name", command.name(), 200);
        var municipality = Municipalities.greece().require("municipalityCode", command.municipalityCode());
        apply(new WarehouseRegistered(command.warehouseId(), name, municipality, Addresses.require(command.address())));
    }

    /** Goods arrive, against a pledge or unsolicited; every line becomes a lot. */
    @CommandHandler
    public ReceiptRecorded handle(ReceiveGoods command, CatalogueLookup catalogue, PledgeDesk pledges,
                                 OrganisationLookup organisations, Clock clock) {
        // Own input first; then the catalogue, whose units normalise the quantities the pledge is told about; then the
        // pledge or the donor. Nothing is loaded from another aggregate before this receipt's own input is sound.
        String receiptId = Texts.require("receiptId", command.receiptId(), 100);
        if (receiptIds.contains(receiptId)) {
            throw CommandRefusedException.conflict(DUPLICATE_RECEIPT,
                    "receipt " + receiptId + " is already recorded in this warehouse");
        }
        List<ReceiptLine> lines = command.lines();
        if (lines == null || lines.isEmpty() || lines.size() > MAX_RECEIPT_LINES) {
            throw CommandRefusedException.invalid(RECEIPT_LINES_REQUIRED, "lines",
                    "a receipt has between 1 and " + MAX_RECEIPT_LINES + " lines");
        }
        LocalDate receivedOn = requireReceivedOn(command.receivedOn(), LocalDate.now(clock));
        boolean againstPledge = command.pledgeId() != null && !command.pledgeId().isBlank();
        String namedDonor = Texts.optional("donorId", command.donorId(), 100);
        if (!againstPledge && namedDonor == null) {
            throw CommandRefusedException.invalid(DONOR_REQUIRED, "donorId",
                    "an unsolicited donation must name the donor company");
        }
        List<String> lotCodes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReceiptLine line = requireLine(lines, i);
            if (againstPledge && line.pledgeLineNo() == null) {
                throw CommandRefusedException.invalid(PLEDGE_LINE_REQUIRED, "lines[" + i + "].pledgeLineNo",
                        "a receipt against a pledge names the pledge line of every line");
            }
            if (!againstPledge && line.pledgeLineNo() != null) {
                throw CommandRefusedException.invalid(PLEDGE_LINE_WITHOUT_PLEDGE, "lines[" + i + "].pledgeLineNo",
                        "an unsolicited donation has no pledge lines");
            }
            lotCodes.add(Texts.optional("lines[" + i + "].lotCode", line.lotCode(), 60));
        }

        List<LotReceived> received = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReceiptLine line = lines.get(i);
            String prefix = "lines[" + i + "].";
            CatalogueEntry item = catalogue.requireUsable(prefix + "itemCode", line.itemCode());
            BigDecimal quantity = Quantities.requirePositive(prefix + "quantity", line.quantity(), item.unit());
            requireUsableExpiry(prefix + "expiryDate", item, line.expiryDate(), receivedOn);
            received.add(new LotReceived(receiptId + "-" + (i + 1), item.itemCode(), quantity, item.unit(),
                    line.expiryDate(), lotCodes.get(i), null, line.pledgeLineNo()));
        }

        String donorId;
        String pledgeId = againstPledge ? command.pledgeId().strip() : null;
        if (againstPledge) {
            List<DeliveredQuantity> delivered = received.stream()
                    .map(lot -> new DeliveredQuantity(lot.pledgeLineNo(), lot.itemCode(), lot.quantity()))
                    .toList();
            donorId = pledges.recordDelivery(new RecordPledgeDelivery(pledgeId, receiptId, warehouseId, delivered));
            if (namedDonor != null && !namedDonor.equals(donorId)) {
                throw CommandRefusedException.ruleViolated(DONOR_DOES_NOT_MATCH_PLEDGE, "donorId",
                        "the pledge was made by " + donorId + ", not " + namedDonor);
            }
        } else {
            organisations.requireVerifiedDonor("donorId", namedDonor);
            donorId = namedDonor;
        }

        List<LotReceived> lotsWithDonor = received.stream()
                .map(lot -> new LotReceived(lot.lotId(), lot.itemCode(), lot.quantity(), lot.unit(), lot.expiryDate(),
                        lot.lotCode(), donorId, lot.pledgeLineNo()))
                .toList();
        apply(new GoodsReceived(warehouseId, receiptId, pledgeId, donorId, receivedOn, lotsWithDonor));
        return new ReceiptRecorded(receiptId, lotsWithDonor.stream().map(LotReceived::lotId).toList());
    }

    @CommandHandler
    public void handle(AdjustStock command) {
        if (command.reason() == null) {
            throw CommandRefusedException.invalid(ADJUSTMENT_REASON_REQUIRED, "reason", "the reason for the adjustment is required");
        }
        String comment = Texts.optional("comment", command.comment(), 1000);
        if (command.reason() == AdjustmentReason.OTHER && comment == null) {
            throw CommandRefusedException.invalid(COMMENT_REQUIRED_FOR_OTHER, "comment",
                    "an adjustment for another reason must say what happened");
        }
        Lot lot = requireLot("lotId", command.lotId());
        BigDecimal delta = Quantities.requireNonZeroDelta("quantityDelta", command.quantityDelta(), lot.unit());
        BigDecimal after = lot.onHand().add(delta);
        requireAdjustmentLeavesReservedStock(lot, after);
        apply(new StockAdjusted(warehouseId, lot.lotId(), lot.itemCode(), Quantities.normalise(delta), command.reason(), comment,
                Quantities.normalise(after)));
    }

    /** A physical count replaces the books' on-hand quantity; a count that agrees is recorded too, as evidence. */
    @CommandHandler
    public void handle(RecordPhysicalCount command, Clock clock) {
        Lot lot = requireLot("lotId", command.lotId());
        BigDecimal counted = Quantities.requireNonNegative("countedQuantity", command.countedQuantity(), lot.unit());
        String comment = Texts.optional("comment", command.comment(), 1000);
        LocalDate countedOn = requireCountedOn(command.countedOn(), lot, LocalDate.now(clock));
        // Rule CountMustCoverReserved: goods promised to allocations must be given back before they can be counted away.
        if (counted.compareTo(lot.reserved()) < 0) {
            throw CommandRefusedException.ruleViolated(COUNT_BELOW_RESERVED, "countedQuantity",
                    "lot " + lot.lotId() + " has " + plain(lot.reserved()) + " reserved for allocations; "
                            + "cancel those allocations before recording a count below that");
        }
        apply(new PhysicalCountRecorded(warehouseId, lot.lotId(), lot.itemCode(), Quantities.normalise(lot.onHand()),
                Quantities.normalise(counted), Quantities.normalise(counted.subtract(lot.onHand())), comment,
                countedOn));
    }

    /**
     * Rule CountMustBeDatedBetweenReceiptAndToday: goods are counted on a day that has come, and not before they were
     * in this warehouse. A lot of a snapshot taken before lots knew their day of arrival has no lower bound.
     */
    private static LocalDate requireCountedOn(LocalDate countedOn, Lot lot, LocalDate today) {
        if (countedOn == null) {
            return today;
        }
        if (countedOn.isAfter(today)) {
            throw CommandRefusedException.invalid(COUNTED_ON_IN_FUTURE, "countedOn",
                    "a count cannot be dated " + countedOn + ", after today (" + today + ")");
        }
        if (lot.receivedOn() != null && countedOn.isBefore(lot.receivedOn())) {
            throw CommandRefusedException.invalid(COUNTED_BEFORE_RECEIPT, "countedOn",
                    "lot " + lot.lotId() + " came into this warehouse on " + lot.receivedOn()
                            + "; it cannot have been counted on " + countedOn);
        }
        return countedOn;
    }

    /** Sets stock aside for a proposed allocation. Rule StockMustCoverAllocation. Called through {@link StockDesk}. */
    List<ReservedLot> reserve(ReserveStock command) {
        String allocationId = Texts.require("allocationId", command.allocationId(), 100);
        if (reservations.containsKey(allocationId)) {
            throw CommandRefusedException.conflict(DUPLICATE_RESERVATION,
                    "allocation " + allocationId + " already holds a reservation in this warehouse");
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            throw CommandRefusedException.invalid(RESERVATION_LINES_REQUIRED, "lines", "at least one line is required");
        }
        LocalDate today = command.today();
        if (today == null) {
            throw CommandRefusedException.invalid(RESERVATION_DATE_REQUIRED, "today",
                    "the date of the reservation is required to judge expiry");
        }
        // Quantities taken by earlier lines of this command, so that two lines cannot both count the same stock.
        Map<String, BigDecimal> taken = new HashMap<>();
        List<ReservedLot> reserved = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            ReservationRequest line = command.lines().get(i);
            String prefix = "lines[" + i + "].";
            if (line == null) {
                throw CommandRefusedException.invalid(RESERVATION_LINES_REQUIRED, "lines[" + i + "]", "line is missing");
            }
            if (line.lotId() != null && !line.lotId().isBlank()) {
                reserved.add(reserveNamedLot(prefix, line, today, taken));
            } else {
                reserved.addAll(reserveFirstExpiryFirstOut(prefix, line, today, taken));
            }
        }
        apply(new StockReserved(warehouseId, allocationId, reserved));
        return reserved;
    }

    List<ReservedLot> release(ReleaseReservation command) {
        List<ReservedLot> lines = requireActiveReservation(command.allocationId());
        apply(new ReservationReleased(warehouseId, command.allocationId(), lines,
                Texts.optional("reason", command.reason(), 1000)));
        return lines;
    }

    List<ReservedLot> dispatch(DispatchReservation command) {
        List<ReservedLot> lines = requireActiveReservation(command.allocationId());
        String manifestNumber = Texts.require("manifestNumber", command.manifestNumber(), 50);
        // Rule ExpiredLotCannotBeDispatched: a lot approved while fresh may have expired while waiting to leave.
        for (ReservedLot line : lines) {
            Lot lot = lots.get(line.lotId());
            if (lot != null && command.dispatchedOn() != null && lot.expiredOn(command.dispatchedOn())) {
                throw CommandRefusedException.ruleViolated(EXPIRED_LOT_CANNOT_BE_DISPATCHED, "dispatchedOn",
                        "lot " + lot.lotId() + " expired on " + lot.expiryDate() + ", before the dispatch on "
                                + command.dispatchedOn() + "; cancel the allocation and propose it again from fresh stock");
            }
        }
        apply(new ReservedStockDispatched(warehouseId, command.allocationId(), manifestNumber, lines));
        return lines;
    }

    /** The sending half of a transfer. Rule StockMustCoverTransfer: reserved stock stays where it was promised. */
    List<TransferredLot> ship(ShipTransfer command) {
        String transferId = Texts.require("id", command.transferId(), 100);
        if (transferIds.contains(transferId)) {
            throw CommandRefusedException.conflict(DUPLICATE_TRANSFER, "transfer " + transferId + " is already recorded");
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            throw CommandRefusedException.invalid(TRANSFER_LINES_REQUIRED, "lines", "at least one line is required");
        }
        Map<String, BigDecimal> taken = new HashMap<>();
        List<LotQuantity> shipped = new ArrayList<>();
        List<TransferredLot> arriving = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            TransferLine line = command.lines().get(i);
            String prefix = "lines[" + i + "].";
            if (line == null) {
                throw CommandRefusedException.invalid(TRANSFER_LINES_REQUIRED, "lines[" + i + "]", "line is missing");
            }
            Lot lot = requireLotToTakeFrom(prefix, line.lotId(), STOCK_MUST_COVER_TRANSFER);
            BigDecimal quantity = Quantities.requirePositive(prefix + "quantity", line.quantity(), lot.unit());
            BigDecimal available = lot.available().subtract(taken.getOrDefault(lot.lotId(), BigDecimal.ZERO));
            if (quantity.compareTo(available) > 0) {
                throw CommandRefusedException.ruleViolated(STOCK_MUST_COVER_TRANSFER, prefix + "quantity",
                        "lot " + lot.lotId() + " has only " + plain(available) + " " + unitName(lot.unit())
                                + " available to move; reserved stock cannot be transferred");
            }
            taken.merge(lot.lotId(), quantity, BigDecimal::add);
            shipped.add(new LotQuantity(lot.lotId(), lot.itemCode(), quantity));
            arriving.add(new TransferredLot(transferId + "-" + (i + 1), lot.lotId(), lot.itemCode(), quantity,
                    lot.unit(), lot.expiryDate(), lot.lotCode(), lot.donorId()));
        }
        apply(new StockTransferredOut(warehouseId, transferId, command.toWarehouseId(), shipped));
        return arriving;
    }

    /** The receiving half of a transfer: the shipped quantities become new lots here. */
    void receive(ReceiveTransfer command) {
        String transferId = Texts.require("id", command.transferId(), 100);
        if (command.lots() == null || command.lots().isEmpty()) {
            throw CommandRefusedException.invalid(TRANSFER_LINES_REQUIRED, "lines", "at least one line is required");
        }
        if (transferIds.contains(transferId)
                || command.lots().stream().anyMatch(lot -> lots.containsKey(lot.lotId()))) {
            throw CommandRefusedException.conflict(DUPLICATE_TRANSFER, "transfer " + transferId + " is already recorded");
        }
        apply(new StockTransferredIn(warehouseId, transferId, command.fromWarehouseId(), command.lots()));
    }

    // --- rules -------------------------------------------------------------------------------------------------

    private ReservedLot reserveNamedLot(String prefix, ReservationRequest line, LocalDate today,
                                        Map<String, BigDecimal> taken) {
        Lot lot = requireLotToTakeFrom(prefix, line.lotId(), STOCK_MUST_COVER_ALLOCATION);
        if (!lot.itemCode().equals(line.itemCode())) {
            throw CommandRefusedException.ruleViolated(LOT_ITEM_MISMATCH, prefix + "lotId",
                    "lot " + lot.lotId() + " holds " + lot.itemCode() + ", not " + line.itemCode());
        }
        BigDecimal quantity = Quantities.requirePositive(prefix + "quantity", line.quantity(), lot.unit());
        // Rule ExpiredLotCannotBeAllocated.
        if (lot.expiredOn(today)) {
            throw CommandRefusedException.ruleViolated(EXPIRED_LOT_CANNOT_BE_ALLOCATED, prefix + "lotId",
                    "lot " + lot.lotId() + " expired on " + lot.expiryDate());
        }
        BigDecimal available = lot.available().subtract(taken.getOrDefault(lot.lotId(), BigDecimal.ZERO));
        if (quantity.compareTo(available) > 0) {
            throw CommandRefusedException.ruleViolated(STOCK_MUST_COVER_ALLOCATION, prefix + "quantity",
                    "lot " + lot.lotId() + " has only " + plain(available) + " " + unitName(lot.unit()) + " available");
        }
        taken.merge(lot.lotId(), quantity, BigDecimal::add);
        return new ReservedLot(line.needLineNo(), lot.lotId(), lot.itemCode(), quantity);
    }

    /**
     * No lot named: take the item's unexpired lots that expire first (lots without expiry last, then by lot id), so
     * that food is given out before it spoils; split across lots as needed.
     */
    private List<ReservedLot> reserveFirstExpiryFirstOut(String prefix, ReservationRequest line, LocalDate today,
                                                         Map<String, BigDecimal> taken) {
        String itemCode = line.itemCode();
        if (itemCode == null || itemCode.isBlank()) {
            throw CommandRefusedException.invalid(CatalogueLookup.ITEM_NOT_FOUND, prefix + "itemCode",
                    "item code is required when no lot is named");
        }
        UnitOfMeasure unit = lots.values().stream().filter(lot -> lot.itemCode().equals(itemCode))
                .map(Lot::unit).findFirst().orElse(null);
        BigDecimal quantity = Quantities.requirePositive(prefix + "quantity", line.quantity(), unit);
        List<Lot> candidates = lots.values().stream()
                .filter(lot -> lot.itemCode().equals(itemCode))
                .filter(lot -> !lot.expiredOn(today))
                .filter(lot -> availableAfter(lot, taken).signum() > 0)
                .sorted(Comparator.comparing(Lot::expiryDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Lot::lotId))
                .toList();
        BigDecimal total = candidates.stream().map(lot -> availableAfter(lot, taken))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (quantity.compareTo(total) > 0) {
            throw CommandRefusedException.ruleViolated(STOCK_MUST_COVER_ALLOCATION, prefix + "quantity",
                    "only " + plain(total) + (unit == null ? "" : " " + unitName(unit)) + " of " + itemCode
                            + " available in this warehouse (unexpired, not reserved), " + plain(quantity) + " asked");
        }
        List<ReservedLot> reserved = new ArrayList<>();
        BigDecimal missing = quantity;
        for (Lot lot : candidates) {
            if (missing.signum() == 0) {
                break;
            }
            BigDecimal part = missing.min(availableAfter(lot, taken));
            taken.merge(lot.lotId(), part, BigDecimal::add);
            reserved.add(new ReservedLot(line.needLineNo(), lot.lotId(), itemCode, Quantities.normalise(part)));
            missing = missing.subtract(part);
        }
        return reserved;
    }

    private static BigDecimal availableAfter(Lot lot, Map<String, BigDecimal> taken) {
        return lot.available().subtract(taken.getOrDefault(lot.lotId(), BigDecimal.ZERO));
    }

    /** Rule AdjustmentMustLeaveReservedStock: an adjustment cannot take away what allocations were promised. */
    private static void requireAdjustmentLeavesReservedStock(Lot lot, BigDecimal after) {
        if (after.signum() < 0 || after.compareTo(lot.reserved()) < 0) {
            throw CommandRefusedException.ruleViolated(ADJUSTMENT_MUST_LEAVE_RESERVED_STOCK, "quantityDelta",
                    "lot " + lot.lotId() + " has " + plain(lot.onHand()) + " on hand of which " + plain(lot.reserved())
                            + " reserved; at most " + plain(lot.available()) + " can be taken away");
        }
    }

    private List<ReservedLot> requireActiveReservation(String allocationId) {
        List<ReservedLot> lines = allocationId == null ? null : reservations.get(allocationId);
        if (lines == null) {
            throw CommandRefusedException.conflict(NO_ACTIVE_RESERVATION,
                    "allocation " + allocationId + " holds no reservation in this warehouse");
        }
        return lines;
    }

    /**
     * A lot goods are to be taken from: one whose goods have all left has nothing to give, which is the stock rule's
     * refusal ({@code refusal}), as it was before used-up lots were dropped; a lot never here is not found.
     */
    private Lot requireLotToTakeFrom(String prefix, String lotId, String refusal) {
        if (usedUpLots.contains(lotId)) {
            throw CommandRefusedException.ruleViolated(refusal, prefix + "quantity",
                    "lot " + lotId + " has nothing left: all of its goods have left");
        }
        return requireLot(prefix + "lotId", lotId);
    }

    private Lot requireLot(String field, String lotId) {
        Lot lot = lotId == null ? null : lots.get(lotId);
        if (lot == null) {
            throw CommandRefusedException.notFound(LOT_NOT_FOUND, field, "no lot " + lotId
                    + " with goods in this warehouse (a lot is no longer kept once all of its goods have left)");
        }
        return lot;
    }

    private static ReceiptLine requireLine(List<ReceiptLine> lines, int i) {
        ReceiptLine line = lines.get(i);
        if (line == null) {
            throw CommandRefusedException.invalid(RECEIPT_LINES_REQUIRED, "lines[" + i + "]", "line is missing");
        }
        return line;
    }

    private static LocalDate requireReceivedOn(LocalDate receivedOn, LocalDate today) {
        if (receivedOn == null) {
            throw CommandRefusedException.invalid(RECEIVED_ON_REQUIRED, "receivedOn", "the date of receipt is required");
        }
        if (receivedOn.isAfter(today)) {
            throw CommandRefusedException.invalid(RECEIVED_ON_IN_FUTURE, "receivedOn",
                    "goods cannot be received after today (" + today + ")");
        }
        return receivedOn;
    }

    /** Rules ExpiryDateRequiredForPerishable and NoExpiredGoodsOnReceipt. */
    private static void requireUsableExpiry(String field, CatalogueEntry item, LocalDate expiryDate, LocalDate receivedOn) {
        if (item.perishable() && expiryDate == null) {
            throw CommandRefusedException.invalid(EXPIRY_DATE_REQUIRED_FOR_PERISHABLE, field,
                    item.itemCode() + " is perishable; its expiry date is required");
        }
        if (expiryDate != null && expiryDate.isBefore(receivedOn)) {
            throw CommandRefusedException.ruleViolated(EXPIRED_ON_RECEIPT, field,
                    "goods that expired on " + expiryDate + " cannot be received on " + receivedOn);
        }
    }

    private static String plain(BigDecimal quantity) {
        return Quantities.normalise(quantity).toPlainString();
    }

    private static String unitName(UnitOfMeasure unit) {
        return unit.name().toLowerCase();
    }

    // --- state -------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(WarehouseRegistered event) {
        warehouseId = event.warehouseId();
    }

    @EventSourcingHandler
    void on(GoodsReceived event) {
        receiptIds.add(event.receiptId());
        for (LotReceived lot : event.lots()) {
            lots.put(lot.lotId(), new Lot(lot.lotId(), lot.itemCode(), lot.unit(), lot.expiryDate(), lot.lotCode(),
                    lot.donorId(), lot.pledgeLineNo(), lot.quantity(), event.receivedOn()));
        }
    }

    @EventSourcingHandler
    void on(StockAdjusted event) {
        setOnHand(event.lotId(), event.onHandAfter());
    }

    @EventSourcingHandler
    void on(PhysicalCountRecorded event) {
        setOnHand(event.lotId(), event.countedQuantity());
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        reservations.put(event.allocationId(), new ArrayList<>(event.lines()));
        for (ReservedLot line : event.lines()) {
            Lot lot = lots.get(line.lotId());
            if (lot != null) {
                lot.reserve(event.allocationId(), line.quantity());
            }
        }
    }

    @EventSourcingHandler
    void on(ReservationReleased event) {
        reservations.remove(event.allocationId());
        for (ReservedLot line : event.lines()) {
            Lot lot = lots.get(line.lotId());
            if (lot != null) {
                lot.unreserve(event.allocationId());
                dropIfGone(lot);
            }
        }
    }

    @EventSourcingHandler
    void on(ReservedStockDispatched event) {
        reservations.remove(event.allocationId());
        for (ReservedLot line : event.lines()) {
            Lot lot = lots.get(line.lotId());
            if (lot != null) {
                lot.setOnHand(lot.onHand().subtract(line.quantity()));
                lot.unreserve(event.allocationId());
                dropIfGone(lot);
            }
        }
    }

    @EventSourcingHandler
    void on(StockTransferredOut event) {
        transferIds.add(event.transferId());
        for (LotQuantity line : event.lines()) {
            Lot lot = lots.get(line.lotId());
            if (lot != null) {
                lot.setOnHand(lot.onHand().subtract(line.quantity()));
                dropIfGone(lot);
            }
        }
    }

    /** A transferred lot came into this warehouse on the day the transfer was recorded, in Athens. */
    @EventSourcingHandler
    void on(StockTransferredIn event, @Timestamp Instant recordedAt) {
        transferIds.add(event.transferId());
        LocalDate arrivedOn = LocalDate.ofInstant(recordedAt, ATHENS);
        for (TransferredLot lot : event.lots()) {
            lots.put(lot.lotId(), new Lot(lot.lotId(), lot.itemCode(), lot.unit(), lot.expiryDate(), lot.lotCode(),
                    lot.donorId(), null, lot.quantity(), arrivedOn));
        }
    }

    /**
     * A lot not kept here any more is left as it is: histories recorded before lots were dropped may count or adjust a
     * lot after all of its goods had left, and its details (unit, expiry, donor) are no longer at hand to take it back,
     * so those goods stay out of what allocations and transfers may take, as the books of an unknown lot would.
     */
    private void setOnHand(String lotId, BigDecimal onHand) {
        Lot lot = lots.get(lotId);
        if (lot != null) {
            lot.setOnHand(onHand);
            dropIfGone(lot);
        }
    }

    private void dropIfGone(Lot lot) {
        if (lot.gone()) {
            lots.remove(lot.lotId());
            usedUpLots.add(lot.lotId());
        }
    }

    /** The number of lots kept: those with goods on hand or reserved. */
    int lotsKept() {
        return lots.size();
    }
}
