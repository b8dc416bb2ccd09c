package gr.solidarity.ledger.query.allocation;

import gr.solidarity.ledger.messages.allocation.AllocationQueries;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationPage;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationState;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationView;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocationApprovals;
import gr.solidarity.ledger.messages.allocation.AllocationQueries.FindAllocations;
import gr.solidarity.ledger.query.web.InvalidQueryException;
import gr.solidarity.ledger.query.web.Pages;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

@Component
class AllocationQueryHandler {

    private final MongoTemplate mongo;

    AllocationQueryHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    AllocationPage handle(FindAllocations query) {
        List<Criteria> filters = new ArrayList<>();
        if (query.state() != null) {
            filters.add(Criteria.where("state").is(query.state().name()));
        }
        if (query.recipientId() != null) {
            filters.add(Criteria.where("recipientId").is(query.recipientId()));
        }
        if (query.warehouseId() != null) {
            filters.add(Criteria.where("warehouseId").is(query.warehouseId()));
        }
        if (query.cursor() != null) {
            filters.add(after(query.cursor(), Sort.Direction.DESC));
        }
        return page(filters, Sort.Direction.DESC, query.limit());
    }

    @QueryHandler
    AllocationPage handle(FindAllocationApprovals query) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("state").is(AllocationState.AWAITING_APPROVAL.name()));
        if (query.cursor() != null) {
            filters.add(after(query.cursor(), Sort.Direction.ASC));
        }
        return page(filters, Sort.Direction.ASC, query.limit());
    }

    @QueryHandler
    Optional<AllocationView> handle(FindAllocation query) {
        return Optional.ofNullable(mongo.findById(query.allocationId(), AllocationView.class,
                AllocationQueries.COLLECTION));
    }

    private AllocationPage page(List<Criteria> filters, Sort.Direction direction, int limit) {
        Query mongoQuery = filters.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(filters));
        mongoQuery.with(Sort.by(direction, "proposedAt").and(Sort.by(direction, "_id"))).limit(limit + 1);
        List<AllocationView> found = mongo.find(mongoQuery, AllocationView.class, AllocationQueries.COLLECTION);
        if (found.size() <= limit) {
            return new AllocationPage(found, null);
        }
        List<AllocationView> items = found.subList(0, limit);
        AllocationView last = items.get(limit - 1);
        return new AllocationPage(List.copyOf(items), Pages.encodeCursor(cursorOf(last)));
    }

    /** The cursor is the last row's (proposedAt, id): proposals at the same instant are told apart by id. */
    static String cursorOf(AllocationView view) {
        return view.proposedAt().toEpochMilli() + "|" + view.id();
    }

    private static Criteria after(String cursor, Sort.Direction direction) {
        int bar = cursor.indexOf('|');
        if (bar < 1) {
            throw new InvalidQueryException("cursor", "cursor is not one this service issued");
        }
        Date at;
        try {
            at = Date.from(Instant.ofEpochMilli(Long.parseLong(cursor.substring(0, bar))));
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("cursor", "cursor is not one this service issued");
        }
        String id = cursor.substring(bar + 1);
        if (direction == Sort.Direction.DESC) {
            return new Criteria().orOperator(Criteria.where("proposedAt").lt(at),
                    new Criteria().andOperator(Criteria.where("proposedAt").is(at), Criteria.where("_id").lt(id)));
        }
        return new Criteria().orOperator(Criteria.where("proposedAt").gt(at),
                new Criteria().andOperator(Criteria.where("proposedAt").is(at), Criteria.where("_id").gt(id)));
    }
}
