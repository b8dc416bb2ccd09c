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
import java.util.function.Consumer;
import java.util.function.Predicate;
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

    private final Map<String, Lot> lots = new TreeMap<>();
    private final Map<String, Allocation> allocations = new TreeMap<>();
    private final Map<String, StructureAsOf> structures = new TreeMap<>();

    static boolean folds(Class<?> payloadType) {
        return FOLDED.contains(payloadType);
    }

    void apply(Object event, Instant at) {
        if (event instanceof StructureRegistered || event instanceof StructureDetailsCorrected
                || event instanceof StructureServicesChanged || event instanceof StructureVerified
                || event instanceof StructureClosed) {
            applyToRegistry(event, at);
        } else if (event instanceof GoodsReceived e) {
            for (LotReceived lot : e.lots()) {
                lots.put(lot.lotId(), new Lot(lot.lotId(), e.warehouseId(), lot.itemCode(), lot.unit(),
                        lot.expiryDate(), lot.lotCode(), lot.donorId(), lot.quantity(), at));
            }
        } else if (event instanceof StockTransferredIn e) {
            for (TransferredLot lot : e.lots()) {
                lots.put(lot.lotId(), new Lot(lot.lotId(), e.warehouseId(), lot.itemCode(), lot.unit(),
                        lot.expiryDate(), lot.lotCode(), lot.donorId(), lot.quantity(), at));
            }
        } else if (event instanceof StockTransferredOut e) {
            for (LotQuantity line : e.lines()) {
                lot(line.lotId(), at).ifKnown(lot -> lot.onHand = lot.onHand.subtract(line.quantity()));
            }
        } else if (event instanceof StockAdjusted e) {
            lot(e.lotId(), at).ifKnown(lot -> lot.onHand = e.onHandAfter());
        } else if (event instanceof PhysicalCountRecorded e) {
            lot(e.lotId(), at).ifKnown(lot -> lot.onHand = e.countedQuantity());
        } else if (event instanceof StockReserved e) {
            for (ReservedLot line : e.lines()) {
                lot(line.lotId(), at).ifKnown(lot -> lot.reserved.merge(e.allocationId(), line.quantity(),
                        BigDecimal::add));
            }
        } else if (event instanceof ReservationReleased e) {
            for (ReservedLot line : e.lines()) {
                lot(line.lotId(), at).ifKnown(lot -> lot.reserved.remove(e.allocationId()));
            }
        } else if (event instanceof ReservedStockDispatched e) {
            for (ReservedLot line : e.lines()) {
                lot(line.lotId(), at).ifKnown(lot -> {
                    lot.onHand = lot.onHand.subtract(line.quantity());
                    lot.reserved.remove(e.allocationId());
                });
            }
        } else if (event instanceof AllocationProposed e) {
            allocations.put(e.allocationId(), new Allocation(e.allocationId(), e.needId(), e.recipientId(),
                    e.warehouseId(), at));
        } else if (event instanceof AllocationApproved e) {
            allocation(e.allocationId(), AllocationStateAsOf.APPROVED, at)
                    .ifKnown(allocation -> allocation.protocolNumber = e.protocolNumber());
        } else if (event instanceof AllocationRejected e) {
            allocation(e.allocationId(), AllocationStateAsOf.REJECTED, at);
        } else if (event instanceof AllocationCancelled e) {
            allocation(e.allocationId(), AllocationStateAsOf.CANCELLED, at);
        } else if (event instanceof AllocationDispatched e) {
            allocation(e.allocationId(), AllocationStateAsOf.DISPATCHED, at)
                    .ifKnown(allocation -> allocation.manifestNumber = e.manifestNumber());
        } else if (event instanceof AllocationReceiptConfirmed e) {
            allocation(e.allocationId(), AllocationStateAsOf.RECEIVED, at);
        }
    }

    /** Lots that held or reserved anything, by lot id, after {@code afterLotId}. */
    Stream<LotAsOf> lots(String warehouseId, String itemCode, String afterLotId) {
        Predicate<Lot> wanted = lot -> (warehouseId == null || warehouseId.equals(lot.warehouseId))
                && (itemCode == null || itemCode.equals(lot.itemCode))
                && (afterLotId == null || lot.lotId.compareTo(afterLotId) > 0)
                && (lot.onHand.signum() != 0 || !lot.reserved.isEmpty());
        return lots.values().stream().filter(wanted).map(Lot::view);
    }

    /** Allocations by id, after {@code afterAllocationId}; every state when {@code state} is null. */
    Stream<AllocationAsOf> allocations(AllocationStateAsOf state, String afterAllocationId) {
        return allocations.values().stream()
                .filter(allocation -> state == null || state == allocation.state)
                .filter(allocation -> afterAllocationId == null
                        || allocation.allocationId.compareTo(afterAllocationId) > 0)
                .map(Allocation::view);
    }

    private Known<Lot> lot(String lotId, Instant at) {
        Lot lot = lots.get(lotId);
        if (lot != null) {
            lot.lastChangedAt = at;
        }
        return new Known<>(lot);
    }

    private Known<Allocation> allocation(String allocationId, AllocationStateAsOf state, Instant at) {
        Allocation allocation = allocations.get(allocationId);
        if (allocation != null) {
            allocation.state = state;
            allocation.lastChangedAt = at;
        }
        return new Known<>(allocation);
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
    private record Known<T>(T value) {
        void ifKnown(Consumer<T> change) {
            if (value != null) {
                change.accept(value);
            }
        }
    }

    private static final class Lot {
        final String lotId;
        final String warehouseId;
        final String itemCode;
        final UnitOfMeasure unit;
        final LocalDate expiryDate;
        final String lotCode;
        final String donorId;
        BigDecimal onHand;
        final Map<String, BigDecimal> reserved = new HashMap<>();
        Instant lastChangedAt;

        Lot(String lotId, String warehouseId, String itemCode, UnitOfMeasure unit, LocalDate expiryDate,
            String lotCode, String donorId, BigDecimal onHand, Instant at) {
            this.lotId = lotId;
            this.warehouseId = warehouseId;
            this.itemCode = itemCode;
            this.unit = unit;
            this.expiryDate = expiryDate;
            this.lotCode = lotCode;
            this.donorId = donorId;
            this.onHand = onHand;
            this.lastChangedAt = at;
        }

        LotAsOf view() {
            BigDecimal reservedTotal = reserved.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return new LotAsOf(lotId, warehouseId, itemCode, unit, expiryDate, lotCode, donorId, normal(onHand),
                    normal(reservedTotal), normal(onHand.subtract(reservedTotal)), lastChangedAt);
        }
    }

    private static final class Allocation {
        final String allocationId;
        final String needId;
        final String recipientId;
        final String warehouseId;
        final Instant proposedAt;
        AllocationStateAsOf state = AllocationStateAsOf.AWAITING_APPROVAL;
        String protocolNumber;
        String manifestNumber;
        Instant lastChangedAt;

        Allocation(String allocationId, String needId, String recipientId, String warehouseId, Instant at) {
            this.allocationId = allocationId;
            this.needId = needId;
            this.recipientId = recipientId;
            this.warehouseId = warehouseId;
            this.proposedAt = at;
            this.lastChangedAt = at;
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
