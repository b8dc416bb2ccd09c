package gr.solidarity.ledger.messages.distribution;

import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries on what the network distributed (ιστορικό διανομών), and traceability between donors and structures. */
public final class DistributionQueries {

    /** MongoDB collection: one document per delivered lot of an allocation. */
    public static final String DELIVERIES_COLLECTION = "distribution_deliveries";
    /** MongoDB collections of what the projection must know to classify a delivery. */
    public static final String RECIPIENTS_COLLECTION = "distribution_recipients";
    public static final String DONORS_COLLECTION = "distribution_donors";
    public static final String ITEMS_COLLECTION = "distribution_items";
    public static final String NEEDS_COLLECTION = "distribution_needs";
    public static final String LOTS_COLLECTION = "distribution_lots";

    private DistributionQueries() {
    }

    public enum DistributionGrouping {
        RECIPIENT, MUNICIPALITY, REGIONAL_UNIT, ITEM, CATEGORY, MONTH
    }

    /**
     * What a recipient structure received of one lot in one allocation, classified as it stood when it arrived.
     *
     * @param month                      yyyy-MM of the receipt in Europe/Athens
     * @param needLineBeneficiaries      the beneficiaries the need line was declared for
     * @param recipientBeneficiaries     the beneficiaries the structure served when it registered
     */
    public record DistributionDelivery(String id, String allocationId, String lotId, String needId, int needLineNo,
                                       String recipientId, String recipientName, RecipientStructureType recipientType,
                                       String municipalityCode, String municipalityName, String regionalUnitCode,
                                       String regionalUnitName, String itemCode, String itemNameEl, String itemNameEn,
                                       ItemCategory category, UnitOfMeasure unit, BigDecimal quantity,
                                       LocalDate receivedOn, Instant receivedAt, String month, String donorId,
                                       String donorName, int needLineBeneficiaries, int recipientBeneficiaries) {
    }

    /** Months are yyyy-MM and inclusive; filters are optional (null). */
    public record FindDistribution(DistributionGrouping groupBy, String from, String to, String recipientId,
                                   String itemCode, ItemCategory category, String municipalityCode) {
    }

    public record UnitQuantity(UnitOfMeasure unit, BigDecimal quantity) {
    }

    /**
     * One group of deliveries.
     *
     * @param quantities    what was received, per unit (kilos and packs are never added together)
     * @param deliveries    how many lot deliveries the group holds
     * @param beneficiaries the beneficiaries of the distinct need lines served in the group (the structure's
     *                      registered beneficiaries where a need line declared none)
     */
    public record DistributionRow(String key, String label, List<UnitQuantity> quantities, long deliveries,
                                  long beneficiaries) {
    }

    public record DistributionReport(DistributionGrouping groupBy, String from, String to, List<DistributionRow> rows) {
    }

    /**
     * How many deliveries each month from {@code from} to {@code to} (yyyy-MM, both included) holds, counted where the
     * deliveries are kept rather than read one by one. Answered as a list of {@link MonthlyDeliveries}, months without
     * deliveries left out.
     */
    public record CountDeliveriesPerMonth(String from, String to) {
    }

    public record MonthlyDeliveries(String month, long deliveries) {
    }

    /** From a donor's lot to the structures that received it. */
    public record FindLotRecipients(String lotId) {
    }

    public record LotDeliveryView(String recipientId, String recipientName, String municipalityName,
                                  String allocationId, BigDecimal quantity, UnitOfMeasure unit, LocalDate receivedOn) {
    }

    public record LotRecipients(String lotId, String itemCode, String donorId, String donorName,
                                List<LotDeliveryView> deliveries) {
    }

    /** From a structure back to the donors whose goods it got. */
    public record FindRecipientDonors(String recipientId) {
    }

    public record DonorSupplyView(String donorId, String donorName, String itemCode, String itemNameEl,
                                  UnitOfMeasure unit, BigDecimal quantity, long deliveries) {
    }

    public record RecipientDonors(String recipientId, String recipientName, List<DonorSupplyView> donors) {
    }

    /** Where one donor's goods went over a period: months are yyyy-MM, inclusive, optional (null). */
    public record FindDonorDistribution(String donorId, String from, String to) {
    }

    /** The levels of the tree of places and structures a donor's goods reached, from the widest. */
    public enum DonorDistributionLevel {
        REGIONAL_UNIT, MUNICIPALITY, STRUCTURE_TYPE, STRUCTURE
    }

    /**
     * One node of the tree, in the order a table shows it: a regional unit, then its municipalities, each with its
     * structure types, each with its structures. The fields of the levels above the row's own are filled too.
     *
     * @param quantities    what was received of the donor's lots, per unit
     * @param beneficiaries the beneficiaries of the distinct need lines the donor's goods served (the structure's
     *                      registered beneficiaries where a need line declared none)
     */
    public record DonorDistributionRow(DonorDistributionLevel level, String regionalUnitCode, String regionalUnitName,
                                       String municipalityCode, String municipalityName,
                                       RecipientStructureType structureType, String recipientId,
                                       String recipientName, List<UnitQuantity> quantities, long deliveries,
                                       long beneficiaries) {
    }

    /** @param quantities the whole period's, per unit */
    public record DonorDistribution(String donorId, String donorName, String from, String to,
                                    List<UnitQuantity> quantities, long deliveries, long beneficiaries,
                                    List<DonorDistributionRow> rows) {
    }
}
