package gr.solidarity.ledger.messages.need;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries on the needs board (πίνακας αναγκών) and the views they answer with. */
public final class NeedQueries {

    /** MongoDB collection of the needs board: one document per need, open or closed. */
    public static final String COLLECTION = "needs_board";
    /** The board's own copy of the recipient structures' names and places. */
    public static final String ORGANISATIONS_COLLECTION = "needs_board_organisations";
    /** The board's own copy of the catalogue's item names. */
    public static final String ITEMS_COLLECTION = "needs_board_items";

    private NeedQueries() {
    }

    /**
     * Open needs, urgent first, then by the earliest needed-by date, then need id. Also the subscription query of the
     * live board: its updates are {@link NeedBoardEntry}s of needs that match the filters (closed ones included, so a
     * client can remove them).
     *
     * @param today the day ages are counted to, in Athens
     * @param after the sort key of the last row of the previous page (the decoded cursor); null for the first
     * @param recipientId only this recipient structure's needs; null for all
     */
    public record FindNeedsBoard(NeedPriority priority, String municipalityCode, String regionalUnitCode,
                                 String itemCode, LocalDate today, int limit, String after, String recipientId) {
    }

    /** @param today the day ages are counted to, in Athens */
    public record FindNeed(String needId, LocalDate today) {
    }

    public enum NeedStatus {
        OPEN,
        CANCELLED,
        FULFILLED
    }

    /**
     * One need line.
     *
     * @param inFlight          claimed by allocations not yet delivered nor released
     * @param remaining         requested − received − in flight, never below zero
     * @param availableInStock  available across every warehouse when asked; null in live updates
     */
    public record NeedBoardLine(int lineNo, String itemCode, String itemNameEl, String itemNameEn, UnitOfMeasure unit,
                                BigDecimal requested, BigDecimal inFlight, BigDecimal received, BigDecimal remaining,
                                NeedPriority priority, LocalDate neededBy, int beneficiaries,
                                BigDecimal availableInStock) {
    }

    /**
     * One need as the board shows it.
     *
     * @param priority  URGENT when any line is urgent
     * @param neededBy  the earliest needed-by date of its lines
     * @param ageDays   days since it was declared, counted when asked; null in live updates
     */
    public record NeedBoardEntry(String needId, NeedStatus status, String recipientId, String recipientName,
                                 RecipientStructureType structureType, String municipalityCode, String municipalityName,
                                 String regionalUnitCode, String regionalUnitName, NeedPriority priority,
                                 LocalDate neededBy, Instant declaredAt, Long ageDays, String note,
                                 List<NeedBoardLine> lines) {
    }

    public record NeedBoardPage(List<NeedBoardEntry> items, String nextCursor) {
    }
}
