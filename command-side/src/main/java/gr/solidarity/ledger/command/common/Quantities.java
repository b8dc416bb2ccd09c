package gr.solidarity.ledger.command.common;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.math.BigDecimal;

/**
 * Rule QuantityMustBePositiveAndBounded: every quantity is above zero, at most {@link #MAX} and, for countable units,
 * whole; kilograms and litres allow up to three decimals.
 */
public final class Quantities {

    /** No single line in a regional network moves more than this; anything bigger is a typing error. */
    public static final BigDecimal MAX = new BigDecimal("1000000");
    public static final String INVALID_QUANTITY = "QUANTITY_MUST_BE_POSITIVE_AND_BOUNDED";

    private Quantities() {
    }

    public static BigDecimal requirePositive(String field, BigDecimal quantity, UnitOfMeasure unit) {
        if (quantity == null) {
            throw CommandRefusedException.invalid(INVALID_QUANTITY, field, "quantity is required");
        }
        if (quantity.signum() <= 0) {
            throw CommandRefusedException.invalid(INVALID_QUANTITY, field, "quantity must be greater than zero");
        }
        return requireShape(field, quantity, unit);
    }

    /** Zero allowed: physical counts and received quantities may be nothing. */
    public static BigDecimal requireNonNegative(String field, BigDecimal quantity, UnitOfMeasure unit) {
        if (quantity == null) {
            throw CommandRefusedException.invalid(INVALID_QUANTITY, field, "quantity is required");
        }
        if (quantity.signum() < 0) {
            throw CommandRefusedException.invalid(INVALID_QUANTITY, field, "quantity must not be negative");
        }
        return requireShape(field, quantity, unit);
    }

    /** A signed change, not zero, whose magnitude is bounded like any quantity. */
    public static BigDecimal requireNonZeroDelta(String field, BigDecimal delta, UnitOfMeasure unit) {
        if (delta == null || delta.signum() == 0) {
            throw CommandRefusedException.invalid(INVALID_QUANTITY, field, "change must not be zero");
        }
        requireShape(field, delta.abs(), unit);
        return normalise(delta);
    }

    /** Events carry quantities without trailing zeros and never in exponent form, so they compare and read well. */
    public static BigDecimal normalise(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal requireShape(String field, BigDecimal quantity, UnitOfMeasure unit) {
        if (quantity.compareTo(MAX) > 0) {
            throw CommandRefusedException.invalid(INVALID_QUANTITY, field, "quantity must not exceed " + MAX.toPlainString());
        }
        BigDecimal normalised = normalise(quantity);
        int allowedScale = unit != null && unit.isCountable() ? 0 : 3;
        if (normalised.scale() > allowedScale) {
            throw CommandRefusedException.invalid(INVALID_QUANTITY, field, allowedScale == 0
                    ? "quantity must be a whole number of " + unit.name().toLowerCase()
                    : "quantity must have at most three decimals");
        }
        return normalised;
    }
}
