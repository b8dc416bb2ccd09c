package gr.solidarity.ledger.command.stock;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One lot in a warehouse: goods of one item from one receipt line (or transfer line), with what is on hand and what
 * each allocation has set aside of it. Changed only by the {@link Warehouse}'s event-sourcing handlers.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Lot {

    private String lotId;
    private String itemCode;
    private UnitOfMeasure unit;
    private LocalDate expiryDate;
    private String lotCode;
    private String donorId;
    private Integer pledgeLineNo;
    /** The day the lot came into this warehouse: received, or arrived by transfer. */
    private LocalDate receivedOn;
    private BigDecimal onHand = BigDecimal.ZERO;
    /** Allocation id → quantity of this lot reserved for it. */
    private Map<String, BigDecimal> reservedBy = new LinkedHashMap<>();

    Lot() {
        // for snapshots
    }

    Lot(String lotId, String itemCode, UnitOfMeasure unit, LocalDate expiryDate, String lotCode, String donorId,
        Integer pledgeLineNo, BigDecimal onHand, LocalDate receivedOn) {
        this.lotId = lotId;
        this.itemCode = itemCode;
        this.unit = unit;
        this.expiryDate = expiryDate;
        this.lotCode = lotCode;
        this.donorId = donorId;
        this.pledgeLineNo = pledgeLineNo;
        this.onHand = onHand;
        this.receivedOn = receivedOn;
    }

    String lotId() {
        return lotId;
    }

    String itemCode() {
        return itemCode;
    }

    UnitOfMeasure unit() {
        return unit;
    }

    LocalDate expiryDate() {
        return expiryDate;
    }

    String lotCode() {
        return lotCode;
    }

    String donorId() {
        return donorId;
    }

    LocalDate receivedOn() {
        return receivedOn;
    }

    BigDecimal onHand() {
        return onHand;
    }

    BigDecimal reserved() {
        return reservedBy.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** On hand minus everything reserved: what new allocations and transfers may take. */
    BigDecimal available() {
        return onHand.subtract(reserved());
    }

    /** Nothing on hand and nothing reserved: every good of the lot has left, and no rule needs it any more. */
    boolean gone() {
        return onHand.signum() == 0 && reservedBy.isEmpty();
    }

    /** An expiry date before {@code today}; a lot is still usable on its expiry date. */
    boolean expiredOn(LocalDate today) {
        return expiryDate != null && expiryDate.isBefore(today);
    }

    void setOnHand(BigDecimal onHand) {
        this.onHand = onHand;
    }

    void reserve(String allocationId, BigDecimal quantity) {
        reservedBy.merge(allocationId, quantity, BigDecimal::add);
    }

    void unreserve(String allocationId) {
        reservedBy.remove(allocationId);
    }

    /** Lots are state, compared by value, so that a lot rebuilt from events equals the one a handler left. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Lot lot
                && Objects.equals(lotId, lot.lotId)
                && Objects.equals(itemCode, lot.itemCode)
                && unit == lot.unit
                && Objects.equals(expiryDate, lot.expiryDate)
                && Objects.equals(lotCode, lot.lotCode)
                && Objects.equals(donorId, lot.donorId)
                && Objects.equals(pledgeLineNo, lot.pledgeLineNo)
                && Objects.equals(receivedOn, lot.receivedOn)
                && onHand.compareTo(lot.onHand) == 0
                && reservedBy.equals(lot.reservedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lotId, itemCode);
    }
}
