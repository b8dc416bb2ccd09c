package gr.solidarity.ledger.command.stock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.stock.StockEvents.LotQuantity;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedStockDispatched;
import gr.solidarity.ledger.messages.stock.StockEvents.StockReserved;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredOut;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A warehouse's stream is long-lived and snapshotted; a snapshot must restore every lot and reservation. */
class WarehouseSnapshotTest {

    @Test
    void aSnapshotRestoresLotsReservationsReceiptsAndTransfers() {
        Warehouse warehouse = new Warehouse();
        warehouse.on(WarehouseTest.registered());
        warehouse.on(WarehouseTest.mixedStock());
        warehouse.on(new StockReserved(WarehouseTest.WH, WarehouseTest.ALLOC,
                List.of(new ReservedLot(1, WarehouseTest.R1 + "-1", WarehouseTest.MILK, new BigDecimal("2.5")))));
        warehouse.on(new StockTransferredOut(WarehouseTest.WH, WarehouseTest.TRANSFER, WarehouseTest.OTHER_WH,
                List.of(new LotQuantity(WarehouseTest.R1 + "-4", WarehouseTest.PASTA, new BigDecimal("10")))));

        var serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                .build();
        Warehouse restored = serializer.deserialize(serializer.serialize(warehouse, String.class));

        assertThat(restored).usingRecursiveComparison().isEqualTo(warehouse);
        assertThat(restored).usingRecursiveComparison().isNotEqualTo(new Warehouse());
    }

    /** Lots whose goods have all left are not in the snapshot: it holds the stock on the shelves, not the history. */
    @Test
    void aSnapshotHoldsOnlyTheLotsWithGoods() throws Exception {
        Warehouse warehouse = new Warehouse();
        warehouse.on(WarehouseTest.registered());
        for (int i = 0; i < 50; i++) {
            List<ReservedLot> all = List.of(new ReservedLot(1, "cycle" + i + "-1", WarehouseTest.PASTA, BigDecimal.TEN));
            warehouse.on(WarehouseTest.received("cycle" + i, WarehouseTest.lot("cycle" + i + "-1", WarehouseTest.PASTA,
                    "10", UnitOfMeasure.PACK, null)));
            warehouse.on(new StockReserved(WarehouseTest.WH, "alloc" + i, all));
            warehouse.on(new ReservedStockDispatched(WarehouseTest.WH, "alloc" + i, "ΔΑ-" + i, all));
        }
        warehouse.on(WarehouseTest.mixedStock());

        var serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                .build();
        String snapshot = serializer.serialize(warehouse, String.class).getData();

        assertThat(warehouse.lotsKept()).isEqualTo(4);
        // of a used-up lot only its id is kept, so that naming it is refused as stock that does not cover
        var tree = new ObjectMapper().readTree(snapshot);
        assertThat(tree.get("lots").has("cycle0-1")).isFalse();
        assertThat(tree.get("lots").has("cycle49-1")).isFalse();
        assertThat(tree.get("lots").has(WarehouseTest.R1 + "-4")).isTrue();
        assertThat(tree.get("usedUpLots").toString()).contains("cycle0-1", "cycle49-1");
        assertThat(snapshot).doesNotContain("alloc49");
    }

    @Test
    void lotsCompareByValue() {
        var lot = new Lot("x-1", "MILK-1L", UnitOfMeasure.L, null, null, null, null, new BigDecimal("1.0"),
                LocalDate.of(2026, 3, 5));
        var same = new Lot("x-1", "MILK-1L", UnitOfMeasure.L, null, null, null, null, new BigDecimal("1"),
                LocalDate.of(2026, 3, 5));
        assertThat(lot).isEqualTo(same).hasSameHashCodeAs(same);
        same.reserve("a", BigDecimal.ONE);
        assertThat(lot).isNotEqualTo(same);
        assertThat(lot).isNotEqualTo(new Lot("x-1", "MILK-1L", UnitOfMeasure.L, null, null, null, null,
                new BigDecimal("1"), LocalDate.of(2026, 3, 6)));
    }
}
