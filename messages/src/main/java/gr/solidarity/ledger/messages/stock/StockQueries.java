package gr.solidarity.ledger.messages.stock;

import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Queries on the current stock (τρέχον απόθεμα) and the views they answer with. */
public final class StockQueries {

    /** MongoDB collection of the stock view: one document per lot. */
    public static final String LOTS_COLLECTION = "stock_lots";
    /** The stock view's own copy of the catalogue, with each item's totals across warehouses and its minimum. */
    public static final String ITEMS_COLLECTION = "stock_items";
    /** The stock view's own copy of the warehouses' names and places. */
    public static final String WAREHOUSES_COLLECTION = "stock_warehouses";

    private StockQueries() {
    }

    /**
     * Lots ordered by warehouse, item, expiry and lot. Also the subscription query of the live lot stream: its updates
     * are {@link StockLotView}s of lots that match the filters.
     *
     * @param includeEmpty also lots with nothing on hand
     * @param after        the sort key of the last row of the previous page (the decoded cursor); null for the first
     */
    public record FindStockLots(String warehouseId, String itemCode, ItemCategory category, boolean includeEmpty,
                                int limit, String after) {
    }

    /** Totals per item across every warehouse, ordered by item code. */
    public record FindStockItems(ItemCategory category, int limit, String after) {
    }

    /** The warehouses the stock view knows, by name, with or without stock. */
    public record FindStockWarehouses() {
    }

    public record StockWarehouseView(String warehouseId, String name, String municipalityCode, String municipalityName) {
    }

    /** Totals per category across every warehouse. */
    public record FindStockCategories() {
    }

    /** Lots with something available that expire on or before {@code expiringBy}, earliest first. */
    public record FindNearExpiryLots(LocalDate expiringBy, String warehouseId, int limit, String after) {
    }

    /** Items whose total available quantity is below their minimum stock level, ordered by item code. */
    public record FindLowStockItems(int limit, String after) {
    }

    /**
     * One lot as it stands now.
     *
     * @param available    on hand minus reserved
     * @param reservations reserved quantity per allocation still holding it
     * @param receivedAt   when the lot entered the warehouse (from the event)
     */
    public record StockLotView(String lotId, String warehouseId, String warehouseName, String municipalityCode,
                               String municipalityName, String itemCode, String itemNameEl, String itemNameEn,
                               ItemCategory category, UnitOfMeasure unit, String donorId, LocalDate expiryDate,
                               String lotCode, BigDecimal onHand, BigDecimal reserved, BigDecimal available,
                               Map<String, BigDecimal> reservations, Instant receivedAt) {
    }

    public record StockLotPage(List<StockLotView> items, String nextCursor) {
    }

    /**
     * One item's stock across every warehouse.
     *
     * @param lots    lots with something on hand
     * @param minimum the minimum stock level, null when none is set
     */
    public record StockItemView(String itemCode, String nameEl, String nameEn, ItemCategory category,
                                UnitOfMeasure unit, BigDecimal onHand, BigDecimal reserved, BigDecimal available,
                                int lots, BigDecimal minimum) {
    }

    public record StockItemPage(List<StockItemView> items, String nextCursor) {
    }

    /** Totals of a category; quantities of different units are not added up, so they are given per unit. */
    public record StockCategoryView(ItemCategory category, int items, int lots, List<UnitTotals> totals) {
    }

    public record UnitTotals(UnitOfMeasure unit, BigDecimal onHand, BigDecimal reserved, BigDecimal available) {
    }

    /** @param shortfall minimum minus available */
    public record LowStockItemView(String itemCode, String nameEl, String nameEn, ItemCategory category,
                                   UnitOfMeasure unit, BigDecimal minimum, BigDecimal available, BigDecimal shortfall) {
    }

    public record LowStockItemPage(List<LowStockItemView> items, String nextCursor) {
    }
}
