package gr.solidarity.ledger.query.pledge;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.pledge.PledgeQueries;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.DeliveredLine;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.FindPledge;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.FindPledges;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeDelivery;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeLineView;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgePage;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeState;
import gr.solidarity.ledger.messages.pledge.PledgeQueries.PledgeView;
import gr.solidarity.ledger.query.web.Pages;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Pledges newest first, one indexed query per page. */
@Component
class PledgeQueryHandler {

    private final MongoTemplate mongo;

    PledgeQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    PledgePage handle(FindPledges query) {
        List<Criteria> all = new ArrayList<>();
        if (query.donorId() != null) {
            all.add(Criteria.where("donorId").is(query.donorId()));
        }
        if (query.state() != null) {
            all.add(Criteria.where("state").is(query.state().name()));
        }
        if (query.after() != null) {
            all.add(Criteria.where("sortKey").lt(query.after()));
        }
        Query find = new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all))
                .with(Sort.by(Sort.Direction.DESC, "sortKey")).limit(query.limit() + 1);
        List<Document> found = mongo.find(find, Document.class, PledgeQueries.COLLECTION);
        boolean more = found.size() > query.limit();
        List<Document> page = more ? found.subList(0, query.limit()) : found;
        return new PledgePage(page.stream().map(PledgeQueryHandler::view).toList(),
                more ? Pages.encodeCursor(page.get(page.size() - 1).getString("sortKey")) : null);
    }

    @QueryHandler
    Optional<PledgeView> handle(FindPledge query) {
        return Optional.ofNullable(mongo.findById(query.pledgeId(), Document.class, PledgeQueries.COLLECTION))
                .map(PledgeQueryHandler::view);
    }

    private static PledgeView view(Document pledge) {
        List<PledgeLineView> lines = new ArrayList<>();
        for (Document line : pledge.getList("lines", Document.class, List.of())) {
            String unit = line.getString("unit");
            lines.add(new PledgeLineView(line.getInteger("lineNo"), line.getString("itemCode"),
                    unit == null ? null : UnitOfMeasure.valueOf(unit), number(line.get("pledged")),
                    number(line.get("delivered")), date(line.getString("expectedDeliveryDate")),
                    date(line.getString("bestBefore")), line.getBoolean("withdrawn", false),
                    line.getString("withdrawalReason")));
        }
        List<PledgeDelivery> deliveries = new ArrayList<>();
        for (Document delivery : pledge.getList("deliveries", Document.class, List.of())) {
            List<DeliveredLine> delivered = new ArrayList<>();
            for (Document line : delivery.getList("lines", Document.class, List.of())) {
                delivered.add(new DeliveredLine(line.getInteger("lineNo"), line.getString("itemCode"),
                        number(line.get("quantity")), List.copyOf(line.getList("lotIds", String.class, List.of()))));
            }
            deliveries.add(new PledgeDelivery(delivery.getString("receiptId"), delivery.getString("warehouseId"),
                    date(delivery.getString("receivedOn")),
                    delivery.get("recordedAt") instanceof Date at ? at.toInstant() : null, delivered));
        }
        // in the order the goods arrived
        deliveries.sort(Comparator.comparing(PledgeDelivery::receivedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PledgeDelivery::recordedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return new PledgeView(pledge.getString("_id"), pledge.getString("donorId"),
                PledgeState.valueOf(pledge.getString("state")),
                pledge.get("madeAt") instanceof Date at ? at.toInstant() : null, pledge.getString("note"),
                pledge.getString("withdrawalReason"), lines, deliveries);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Decimal128 decimal) {
            BigDecimal stripped = decimal.bigDecimalValue().stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
