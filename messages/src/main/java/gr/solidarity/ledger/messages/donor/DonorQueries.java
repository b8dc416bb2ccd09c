package gr.solidarity.ledger.messages.donor;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries on donor statements (καταστάσεις δωρητών): pledged, delivered and distributed, per item and month. */
public final class DonorQueries {

    /** MongoDB collection: one document per contribution, keyed by its source (pledge line, delivery, receipt). */
    public static final String ENTRIES_COLLECTION = "donor_statement_entries";
    public static final String DONORS_COLLECTION = "donor_statement_donors";
    public static final String PLEDGES_COLLECTION = "donor_statement_pledges";
    public static final String LOTS_COLLECTION = "donor_statement_lots";
    /** One document per receipt and donor: what the company gave in one delivery, lot by lot. */
    public static final String RECEIPTS_COLLECTION = "donor_receipts";

    private DonorQueries() {
    }

    public enum DonorFlow {
        /** What the donor promised; a pledge line counts with its current quantity in the month it was made. */
        PLEDGED,
        /** What arrived at a warehouse, against a pledge or unsolicited. */
        DELIVERED,
        /** What recipient structures confirmed they received of the donor's lots. */
        DISTRIBUTED
    }

    /** @param month yyyy-MM in Europe/Athens of the event that contributed */
    public record DonorStatementEntry(String id, String donorId, String itemCode, UnitOfMeasure unit, String month,
                                      DonorFlow flow, BigDecimal quantity) {
    }

    /** Months are yyyy-MM, inclusive, optional (null). */
    public record FindDonorStatement(String donorId, String from, String to) {
    }

    /** @param cursor the decoded cursor of the previous page, null for the first page */
    public record FindDonorStatements(String from, String to, int limit, String cursor) {
    }

    public record DonorStatementLine(String itemCode, UnitOfMeasure unit, BigDecimal pledged, BigDecimal delivered,
                                     BigDecimal distributed) {
    }

    public record DonorStatementTotal(UnitOfMeasure unit, BigDecimal pledged, BigDecimal delivered,
                                      BigDecimal distributed) {
    }

    /** One item in one month of the period. */
    public record DonorStatementMonth(String month, String itemCode, UnitOfMeasure unit, BigDecimal pledged,
                                      BigDecimal delivered, BigDecimal distributed) {
    }

    /**
     * A donor's statement over a period: totals per unit, lines per item, and the same per month.
     *
     * @param from first month, null when unbounded
     * @param to   last month, null when unbounded
     */
    public record DonorStatement(String donorId, String donorName, String from, String to,
                                 List<DonorStatementTotal> totals, List<DonorStatementLine> lines,
                                 List<DonorStatementMonth> months) {
    }

    /** @param nextCursor null on the last page */
    public record DonorStatementPage(List<DonorStatement> items, String nextCursor) {
    }

    /** One lot of a delivery, as the receipt recorded it. */
    public record DonatedLot(String lotId, String itemCode, UnitOfMeasure unit, BigDecimal quantity,
                             LocalDate expiryDate, String lotCode) {
    }

    /**
     * What a donor company gave in one receipt: against one of its pledges, or unsolicited ({@code pledgeId} null).
     *
     * @param receivedOn the day the goods arrived, as the receipt says; the day it was entered (Europe/Athens) when
     *                   the receipt gave none
     */
    public record DonorReceipt(String receiptId, String donorId, String pledgeId, String warehouseId,
                               LocalDate receivedOn, Instant recordedAt, List<DonatedLot> lots) {
    }

    /** One receipt of one donor; empty when the receipt brought nothing of that donor's. */
    public record FindDonorReceipt(String donorId, String receiptId) {
    }

    /** Every receipt of a donor received in one calendar year, in the order the goods arrived; answered as an array. */
    public record FindDonorReceipts(String donorId, int year) {
    }
}
