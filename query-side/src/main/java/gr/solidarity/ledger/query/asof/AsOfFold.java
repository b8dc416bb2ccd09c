package gr.solidarity.ledger.query.asof;

import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationApproved;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationCancelled;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationDispatched;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationProposed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationRejected;
import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.AllocationStateAsOf;
import gr.solidarity.ledger.messages.asof.AsOfQueries.LotAsOf;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Stock per lot and the allocation pipeline folded from events in the order they were recorded, the same way the
 * warehouse and allocation aggregates apply them. Pure: no store, no clock; the caller decides which events count.
 */
final class AsOfFold {

    /** The events this fold reads; others need not even be deserialized. */
    static final Set<Class<?>> FOLDED = Set.of(GoodsReceived.class, StockTransferredIn.class,
            StockTransferredOut.class, StockAdjusted.class, PhysicalCountRecorded.class, StockReserved.class,
            ReservationReleased.class, ReservedStockDispatched.class, AllocationProposed.class,
            AllocationApproved.class, AllocationRejected.class, AllocationCancelled.class, AllocationDispatched.class,
            AllocationReceiptConfirmed.class);

    // Values are immutable and replaced on every change, so a copy of the fold shares every record it did not change
    // since; a checkpoint therefore costs a map of references, not a second copy of every lot and allocation.
    private final TreeMap<String, Lot> lots;
    private final TreeMap<String, Allocation> allocations;

    AsOfFold() {
        this(new TreeMap<>(), new TreeMap<>());
    }

    private AsOfFold(TreeMap<String, Lot> lots, TreeMap<String, Allocation> allocations) {
        this.lots = lots;
        this.allocations = allocations;
    }

    static boolean folds(Class<?> payloadType) {
        return FOLDED.contains(payloadType);
    }

    /** The same state, to go on folding without changing this one. */
    AsOfFold copy() {
        return new AsOfFold(new TreeMap<>(lots), new TreeMap<>(allocations));
    }

    void apply(Object event, Instant at) {
        if (event instanceof GoodsReceived e) {
            for (LotReceived lot : e.lots()) {
                lots.put(lot.lotId(), new Lot(lot.lotId(), e.warehouseId(), lot.itemCode(), lot.unit(),
                        lot.expiryDate(), lot.lotCode(), lot.donorId(), lot.quantity(), Map.of(), at));
            }
        } else if (event instanceof StockTransferredIn e) {
            for (TransferredLot lot : e.lots()) {
                lots.put(lot.lotId(), new Lot(lot.lotId(), e.warehouseId(), lot.itemCode(), lot.unit(),
                        lot.expiryDate(), lot.lotCode(), lot.donorId(), lot.quantity(), Map.of(), at));
            }
        } else if (event instanceof StockTransferredOut e) {
            for (LotQuantity line : e.lines()) {
                changeLot(line.lotId(), at, lot -> lot.withOnHand(lot.onHand.subtract(line.quantity())));
            }
        } else if (event instanceof StockAdjusted e) {
            changeLot(e.lotId(), at, lot -> lot.withOnHand(e.onHandAfter()));
        } else if (event instanceof PhysicalCountRecorded e) {
            changeLot(e.lotId(), at, lot -> lot.withOnHand(e.countedQuantity()));
        } else if (event instanceof StockReserved e) {
            for (ReservedLot line : e.lines()) {
                changeLot(line.lotId(), at, lot -> lot.withReserved(reserve(lot.reserved, e.allocationId(),
                        line.quantity())));
            }
        } else if (event instanceof ReservationReleased e) {
            for (ReservedLot line : e.lines()) {
                changeLot(line.lotId(), at, lot -> lot.withReserved(release(lot.reserved, e.allocationId())));
            }
        } else if (event instanceof ReservedStockDispatched e) {
            for (ReservedLot line : e.lines()) {
                changeLot(line.lotId(), at, lot -> lot.withOnHand(lot.onHand.subtract(line.quantity()))
                        .withReserved(release(lot.reserved, e.allocationId())));
            }
        } else if (event instanceof AllocationProposed e) {
            allocations.put(e.allocationId(), new Allocation(e.allocationId(), e.needId(), e.recipientId(),
                    e.warehouseId(), at, AllocationStateAsOf.AWAITING_APPROVAL, null, null, at));
        } else if (event instanceof AllocationApproved e) {
            changeAllocation(e.allocationId(), allocation -> allocation.to(AllocationStateAsOf.APPROVED, at)
                    .withProtocolNumber(e.protocolNumber()));
        } else if (event instanceof AllocationRejected e) {
            changeAllocation(e.allocationId(), allocation -> allocation.to(AllocationStateAsOf.REJECTED, at));
        } else if (event instanceof AllocationCancelled e) {
            changeAllocation(e.allocationId(), allocation -> allocation.to(AllocationStateAsOf.CANCELLED, at));
        } else if (event instanceof AllocationDispatched e) {
            changeAllocation(e.allocationId(), allocation -> allocation.to(AllocationStateAsOf.DISPATCHED, at)
                    .withManifestNumber(e.manifestNumber()));
        } else if (event instanceof AllocationReceiptConfirmed e) {
            changeAllocation(e.allocationId(), allocation -> allocation.to(AllocationStateAsOf.RECEIVED, at));
        }
    }

    /** Lots that held or reserved anything, by lot id, after {@code afterLotId}. */
    Stream<LotAsOf> lots(String warehouseId, String itemCode, String afterLotId) {
        Predicate<Lot> wanted = lot -> (warehouseId == null || warehouseId.equals(lot.warehouseId))
                && (itemCode == null || itemCode.equals(lot.itemCode))
                && (lot.onHand.signum() != 0 || !lot.reserved.isEmpty());
        Map<String, Lot> after = afterLotId == null ? lots : lots.tailMap(afterLotId, false);
        return after.values().stream().filter(wanted).map(Lot::view);
    }

    /** Allocations by id, after {@code afterAllocationId}; every state when {@code state} is null. */
    Stream<AllocationAsOf> allocations(AllocationStateAsOf state, String afterAllocationId) {
        Map<String, Allocation> after = afterAllocationId == null ? allocations
                : allocations.tailMap(afterAllocationId, false);
        return after.values().stream()
                .filter(allocation -> state == null || state == allocation.state)
                .map(Allocation::view);
    }

    /** A record the history may not contain when the caller skipped events; nothing to fold into then. */
    private void changeLot(String lotId, Instant at, UnaryOperator<Lot> change) {
        lots.computeIfPresent(lotId, (id, lot) -> change.apply(lot).changedAt(at));
    }

    private void changeAllocation(String allocationId, UnaryOperator<Allocation> change) {
        allocations.computeIfPresent(allocationId, (id, allocation) -> change.apply(allocation));
    }

    private static Map<String, BigDecimal> reserve(Map<String, BigDecimal> reserved, String allocationId,
                                                   BigDecimal quantity) {
        Map<String, BigDecimal> changed = new HashMap<>(reserved);
        changed.merge(allocationId, quantity, BigDecimal::add);
        return Map.copyOf(changed);
    }

    private static Map<String, BigDecimal> release(Map<String, BigDecimal> reserved, String allocationId) {
        if (!reserved.containsKey(allocationId)) {
            return reserved;
        }
        Map<String, BigDecimal> changed = new HashMap<>(reserved);
        changed.remove(allocationId);
        return Map.copyOf(changed);
    }

    private record Lot(String lotId, String warehouseId, String itemCode, UnitOfMeasure unit, LocalDate expiryDate,
                       String lotCode, String donorId, BigDecimal onHand, Map<String, BigDecimal> reserved,
                       Instant lastChangedAt) {

        Lot withOnHand(BigDecimal quantity) {
            return new Lot(lotId, warehouseId, itemCode, unit, expiryDate, lotCode, donorId, quantity, reserved,
                    lastChangedAt);
        }

        Lot withReserved(Map<String, BigDecimal> byAllocation) {
            return new Lot(lotId, warehouseId, itemCode, unit, expiryDate, lotCode, donorId, onHand, byAllocation,
                    lastChangedAt);
        }

        Lot changedAt(Instant at) {
            return new Lot(lotId, warehouseId, itemCode, unit, expiryDate, lotCode, donorId, onHand, reserved, at);
        }

        LotAsOf view() {
            BigDecimal reservedTotal = reserved.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return new LotAsOf(lotId, warehouseId, itemCode, unit, expiryDate, lotCode, donorId, normal(onHand),
                    normal(reservedTotal), normal(onHand.subtract(reservedTotal)), lastChangedAt);
        }
    }

    private record Allocation(String allocationId, String needId, String recipientId, String warehouseId,
                              Instant proposedAt, AllocationStateAsOf state, String protocolNumber,
                              String manifestNumber, Instant lastChangedAt) {

        Allocation to(AllocationStateAsOf next, Instant at) {
            return new Allocation(allocationId, needId, recipientId, warehouseId, proposedAt, next, protocolNumber,
                    manifestNumber, at);
        }

        Allocation withProtocolNumber(String number) {
            return new Allocation(allocationId, needId, recipientId, warehouseId, proposedAt, state, number,
                    manifestNumber, lastChangedAt);
        }

        Allocation withManifestNumber(String number) {
            return new Allocation(allocationId, needId, recipientId, warehouseId, proposedAt, state, protocolNumber,
                    number, lastChangedAt);
        }

        AllocationAsOf view() {
            return new AllocationAsOf(allocationId, needId, recipientId, warehouseId, state, protocolNumber,
                    manifestNumber, proposedAt, lastChangedAt);
        }
    }

    private static BigDecimal normal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

}
