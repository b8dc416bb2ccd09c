package gr.solidarity.ledger.messages.audit;

import gr.solidarity.ledger.messages.allocation.AllocationEvents;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents;
import gr.solidarity.ledger.messages.identity.AccountEvents;
import gr.solidarity.ledger.messages.need.NeedEvents;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents;
import gr.solidarity.ledger.messages.pledge.PledgeEvents;
import gr.solidarity.ledger.messages.request.RequestEvents;
import gr.solidarity.ledger.messages.stock.StockEvents;
import gr.solidarity.ledger.messages.warehouse.WarehouseEvents;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The audit trail (ημερολόγιο ελέγχου): one entry per event ever recorded, for auditors. */
public final class AuditQueries {

    /** MongoDB collection of the audit trail. */
    public static final String COLLECTION = "audit_trail";

    /** Every class that declares events; each nested record is an event unless another event is made of it. */
    public static final List<Class<?>> EVENT_HOLDERS = List.of(OrganisationEvents.class, WarehouseEvents.class,
            CatalogueEvents.class, PledgeEvents.class, StockEvents.class, NeedEvents.class, AllocationEvents.class,
            RequestEvents.class, AccountEvents.class);

    private AuditQueries() {
    }

    /**
     * Entries newest first. Every filter is optional; {@code beforePosition} continues a page from the last position
     * seen, so events recorded meanwhile never shift later pages.
     *
     * @param organisationId an organisation the event concerns (as donor, recipient or itself)
     */
    public record FindAuditEntries(String entityId, String eventType, String actor, String organisationId,
                                   Instant from, Instant to, int limit, Long beforePosition) {
    }

    /**
     * Every entry the same filters select, newest first, as one stream read through a single cursor of the view: for
     * exports, which would otherwise have the view find and order the entries before each page once per page. Asked
     * as a streaming query.
     */
    public record StreamAuditEntries(String entityId, String eventType, String actor, String organisationId,
                                     Instant from, Instant to) {
    }

    /**
     * Everything that happened to one record, oldest first: events of the aggregate with this id, and events that
     * name it as a lot.
     */
    public record FindEntityTimeline(String entityId, int limit, Long afterPosition) {
    }

    /**
     * One recorded event as auditors read it.
     *
     * @param id              the event identifier
     * @param position        global position in the event store
     * @param entityId        the aggregate the event belongs to
     * @param entityType      the aggregate type (Organisation, Warehouse, Pledge, Need, Allocation, CatalogueItem...)
     * @param actor           who did it (user id); "system" when nobody is known
     * @param actorName       their name as it was when they acted
     * @param actorRole       the role they acted in (null for the system)
     * @param actorOrganisation the donor company or recipient structure they acted for, if any
     * @param requestId       the correlation id of the HTTP request that caused it
     * @param correlationId   the request the event ultimately stems from (Axon trace id)
     * @param causationId     the message that directly caused it
     * @param organisationIds organisations named in the event
     * @param lotIds          stock lots named in the event
     */
    public record AuditEntryView(String id, long position, Instant at, String eventType, String entityId,
                                 String entityType, String actor, String actorName, String actorRole,
                                 String actorOrganisation, String requestId, String correlationId, String causationId,
                                 List<String> organisationIds, List<String> lotIds, String summaryEl,
                                 String summaryEn) {
    }

    /** @param nextCursor null on the last page */
    public record AuditEntryPage(List<AuditEntryView> items, String nextCursor) {
    }

    /** The event records of {@link #EVENT_HOLDERS}: the records no other record is made of. */
    public static Set<Class<?>> eventTypes() {
        Set<Class<?>> records = new HashSet<>();
        for (Class<?> holder : EVENT_HOLDERS) {
            for (Class<?> nested : holder.getDeclaredClasses()) {
                if (nested.isRecord()) {
                    records.add(nested);
                }
            }
        }
        Set<Class<?>> parts = new HashSet<>();
        for (Class<?> record : records) {
            for (RecordComponent component : record.getRecordComponents()) {
                parts.add(component.getType());
                Type generic = component.getGenericType();
                if (generic instanceof ParameterizedType parameterized) {
                    for (Type argument : parameterized.getActualTypeArguments()) {
                        if (argument instanceof Class<?> type) {
                            parts.add(type);
                        }
                    }
                }
            }
        }
        records.removeAll(parts);
        return records;
    }

    /** Simple names of every event type, the values the {@code eventType} filter accepts. */
    public static Set<String> eventTypeNames() {
        Set<String> names = new TreeSet<>();
        eventTypes().forEach(type -> names.add(type.getSimpleName()));
        return names;
    }
}
