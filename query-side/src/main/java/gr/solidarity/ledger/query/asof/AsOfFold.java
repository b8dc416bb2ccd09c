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
import gr.solidarity.ledger.messages.asof.AsOfQueries.StructureAsOf;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.registry.StructureDetails;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureClosed;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureDetailsCorrected;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureRegistered;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureServicesChanged;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureVerified;
import gr.solidarity.ledger.messages.registry.StructureType;
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
 * Stock per lot, the allocation pipeline and the registry of social structures folded from events in the order they were recorded, the same way the
 * warehouse and allocation aggregates apply them. Pure: no store, no clock; the caller decides which events count.
 */
final class AsOfFold {

    /** The events this fold reads; others need not even be deserialized. */
    static final Set<Class<?>> FOLDED = Set.of(GoodsReceived.class, StockTransferredIn.class,
            StockTransferredOut.class, StockAdjusted.class, PhysicalCountRecorded.class, StockReserved.class,
            ReservationReleased.class, ReservedStockDispatched.class, AllocationProposed.class,
            AllocationApproved.class, AllocationRejected.class, AllocationCancelled.class, AllocationDispatched.class,
            AllocationReceiptConfirmed.class, StructureRegistered.class, StructureDetailsCorrected.class,
            StructureServicesChanged.class, StructureVerified.class, StructureClosed.class);

    // Values are immutable and replaced on every change, so a copy of the fold shares every record it did not change
    // since; a checkpoint therefore costs a map of references, not a second copy of every lot and allocation.
    private final TreeMap<String, Lot> lots;
    private final TreeMap<String, Allocation> allocations;
    private final TreeMap<String, StructureAsOf> structures;

    AsOfFold() {
        this(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    private AsOfFold(TreeMap<String, Lot> lots, TreeMap<String, Allocation> allocations,
                     TreeMap<String, StructureAsOf> structures) {
        this.lots = lots;
        this.allocations = allocations;
        this.structures = structures;
    }

    static boolean folds(Class<?> payloadType) {
        return FOLDED.contains(payloadType);
    }

    /** The same state, to go on folding without changing this one. */
    AsOfFold copy() {
        return new AsOfFold(new TreeMap<>(lots), new TreeMap<>(allocations), new TreeMap<>(structures));
    }

    void apply(Object event, Instant at) {
        if (event instanceof StructureRegistered || event instanceof StructureDetailsCorrected
                || event instanceof StructureServicesChanged || event instanceof StructureVerified
                || event instanceof StructureClosed) {
            applyToRegistry(event, at);
        } else if (event instanceof GoodsReceived e) {
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

    Stream<StructureAsOf> structures(String municipalityCode, StructureType type, String afterStructureId) {
        return structures.values().stream()
                .filter(s -> municipalityCode == null || municipalityCode.equals(s.municipalityCode()))
                .filter(s -> type == null || type == s.type())
                .filter(s -> afterStructureId == null || s.structureId().compareTo(afterStructureId) > 0);
    }

    /** The registry as the structure aggregate applies its events: each sets what it names. */
    private void applyToRegistry(Object event, Instant at) {
        if (event instanceof StructureRegistered e) {
            structures.put(e.structureId(), withDetails(new StructureAsOf(e.structureId(), null, null, e.services(),
                    null, null, null, false, null, null, null, null, at, at), e.details(), at));
        } else if (event instanceof StructureDetailsCorrected e) {
            structures.computeIfPresent(e.structureId(), (id, s) -> withDetails(s, e.details(), at));
        } else if (event instanceof StructureServicesChanged e) {
            structures.computeIfPresent(e.structureId(), (id, s) -> new StructureAsOf(id, s.nameEl(), s.type(),
                    e.services(), s.municipalityCode(), s.regionalUnitCode(), s.locationVisibility(),
                    s.inSolidarityNetwork(), s.organisationId(), s.beneficiariesServed(), s.lastVerifiedOn(),
                    s.closedOn(), s.registeredAt(), at));
        } else if (event instanceof StructureVerified e) {
            structures.computeIfPresent(e.structureId(), (id, s) -> new StructureAsOf(id, s.nameEl(), s.type(),
                    s.services(), s.municipalityCode(), s.regionalUnitCode(), s.locationVisibility(),
                    s.inSolidarityNetwork(), s.organisationId(), s.beneficiariesServed(), e.verifiedOn(),
                    s.closedOn(), s.registeredAt(), at));
        } else if (event instanceof StructureClosed e) {
            structures.computeIfPresent(e.structureId(), (id, s) -> new StructureAsOf(id, s.nameEl(), s.type(),
                    s.services(), s.municipalityCode(), s.regionalUnitCode(), s.locationVisibility(),
                    s.inSolidarityNetwork(), s.organisationId(), s.beneficiariesServed(), s.lastVerifiedOn(),
                    e.closedOn(), s.registeredAt(), at));
        }
    }

    private static StructureAsOf withDetails(StructureAsOf s, StructureDetails d, Instant at) {
        return new StructureAsOf(s.structureId(), d.nameEl(), d.type(), s.services(),
                d.municipality() == null ? null : d.municipality().code(),
                d.municipality() == null ? null : d.municipality().regionalUnitCode(), d.locationVisibility(),
                d.inSolidarityNetwork(), d.organisationId(), d.beneficiariesServed(), s.lastVerifiedOn(),
                s.closedOn(), s.registeredAt(), at);
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
