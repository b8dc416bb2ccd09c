package gr.solidarity.ledger.projection.registry;

import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.registry.StructureDetails;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureClosed;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureDetailsCorrected;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureRegistered;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureServicesChanged;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureVerified;
import gr.solidarity.ledger.messages.registry.StructureQueries;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.projection.common.BatchDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The registry of social structures as it stands now, one document per structure. Handlers set values taken from the
 * event (a correction replaces the details, a change of services the services), so handling one twice leaves the same
 * document. Each part of the document (details, services, last verification, closure) remembers the aggregate
 * sequence number of the event that set it, and an event older than that leaves the part alone, so a batch retried
 * from an earlier event, after later ones were handled, ends where it ended.
 * <p>
 * Besides the view's fields each document keeps what queries filter and sort on: the sort key (the Greek name folded
 * to lower case without accents, then the id) and {@code checkedOn}, the day of the last verification or else of the
 * registration as an ISO date, which staleness is judged from. Whether a structure is stale depends on the day asked
 * about, so it is computed by the query, never stored.
 * <p>
 * {@code withdrawnAt} is the time of the event that last took a structure out of public view (closed it, or hid it),
 * so that an incremental pull of the open data can tell its consumers to delete what they hold. It is set only when
 * an event turns a public structure into one that is not; as the parts of the document never go back to an older
 * event's state, an event handled again finds nothing to turn and leaves the time as it was.
 */
@Component
@ProcessingGroup(StructureRegistryProjection.PROCESSING_GROUP)
class StructureRegistryProjection {

    static final String PROCESSING_GROUP = "structure-registry";
    /** Fields holding the sequence number of the event that last set each part of a structure's document. */
    private static final String DETAILS = "detailsSequence";
    private static final String SERVICES = "servicesSequence";
    private static final String VERIFICATION = "verificationSequence";
    private static final String CLOSURE = "closureSequence";
    static final String WITHDRAWN_AT = StructureQueries.WITHDRAWN_AT;
    private static final ZoneId GREECE = ZoneId.of("Europe/Athens");

    private final MongoTemplate mongo;
    private final BatchDocuments documents;
    private final MappingMongoConverter converter;

    StructureRegistryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.documents = new BatchDocuments(mongo);
        this.converter = StructureDocuments.converter(mongo);
        createIndexes();
    }

    void createIndexes() {
        IndexOperations indexes = mongo.indexOps(StructureQueries.COLLECTION);
        indexes.createIndex(new Index().on("sortKey", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("municipalityCode", Sort.Direction.ASC).on("sortKey", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("regionalUnitCode", Sort.Direction.ASC).on("sortKey", Sort.Direction.ASC));
    }

    @EventHandler
    void on(StructureRegistered event, @Timestamp Instant at, @SequenceNumber long sequence) {
        Document stored = documents.find(StructureQueries.COLLECTION, event.structureId());
        LocalDate registeredOn = LocalDate.ofInstant(at, GREECE);
        StructureView view = stored != null ? read(stored)
                : new StructureView(event.structureId(), null, null, null, List.of(), List.of(), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, false, null,
                StructureStatus.ACTIVE, null, null, null, null, registeredOn, at, at, null);
        // a registration handled again after later events leaves what they did
        if (stored == null || sequence >= sequenceOf(stored, DETAILS)) {
            view = details(view, event.details());
        }
        if (stored == null || sequence >= sequenceOf(stored, SERVICES)) {
            view = withServices(view, event.services());
        }
        save(stored, view, at, sequence, DETAILS, SERVICES);
    }

    @EventHandler
    void on(StructureDetailsCorrected event, @Timestamp Instant at, @SequenceNumber long sequence) {
        change(event.structureId(), at, sequence, DETAILS, view -> details(view, event.details()));
    }

    @EventHandler
    void on(StructureServicesChanged event, @Timestamp Instant at, @SequenceNumber long sequence) {
        change(event.structureId(), at, sequence, SERVICES, view -> withServices(view, event.services()));
    }

    @EventHandler
    void on(StructureVerified event, @Timestamp Instant at, @SequenceNumber long sequence) {
        change(event.structureId(), at, sequence, VERIFICATION, view -> verified(view, event));
    }

    @EventHandler
    void on(StructureClosed event, @Timestamp Instant at, @SequenceNumber long sequence) {
        change(event.structureId(), at, sequence, CLOSURE, view -> closed(view, event));
    }

    @ResetHandler
    void reset() {
        documents.discard(StructureQueries.COLLECTION);
        mongo.dropCollection(StructureQueries.COLLECTION);
        createIndexes();
    }

    /**
     * Changes an existing structure only, and only what no later event of the structure has set already: an event
     * for an unknown one leaves the registry as it was.
     */
    private void change(String structureId, Instant at, long sequence, String part,
                        UnaryOperator<StructureView> change) {
        Document stored = documents.find(StructureQueries.COLLECTION, structureId);
        if (stored == null) {
            return;
        }
        StructureView view = read(stored);
        if (sequence >= sequenceOf(stored, part)) {
            view = change.apply(view);
        }
        save(stored, view, at, sequence, part);
    }

    private StructureView read(Document stored) {
        return converter.read(StructureView.class, stored);
    }

    /** The aggregate sequence number of the event that last set a part of the document; -1 when none did. */
    private static long sequenceOf(Document stored, String part) {
        Object value = stored.get(part);
        return value instanceof Number number ? number.longValue() : -1;
    }

    private void save(Document stored, StructureView view, Instant at, long sequence, String... parts) {
        Document document = new Document();
        converter.write(view, document);
        document.put("_id", view.id());
        document.remove("_class");
        document.remove("stale");
        // the time of the latest event, whichever order a retried batch brings them in
        Instant changedAt = stored != null && view.changedAt() != null && view.changedAt().isAfter(at)
                ? view.changedAt() : at;
        document.put("changedAt", converter.convertToMongoType(changedAt));
        document.put("sortKey", folded(view.nameEl()) + "\u0000" + view.id());
        LocalDate checkedOn = view.lastVerifiedOn() != null ? view.lastVerifiedOn() : view.registeredOn();
        document.put("checkedOn", checkedOn == null ? null : checkedOn.toString());
        Object withdrawnAt = stored == null ? null : stored.get(WITHDRAWN_AT);
        if (stored != null && isPublic(read(stored)) && !isPublic(view)) {
            withdrawnAt = converter.convertToMongoType(at);
        }
        if (withdrawnAt != null) {
            document.put(WITHDRAWN_AT, withdrawnAt);
        }
        for (String part : List.of(DETAILS, SERVICES, VERIFICATION, CLOSURE)) {
            long kept = stored == null ? -1 : sequenceOf(stored, part);
            if (List.of(parts).contains(part)) {
                kept = Math.max(kept, sequence);
            }
            if (kept >= 0) {
                document.put(part, kept);
            }
        }
        documents.save(StructureQueries.COLLECTION, document);
    }

    /** Whether anyone may see the structure: exactly what the public card shows, whatever the day. */
    private static boolean isPublic(StructureView view) {
        return PublicStructure.of(view, LocalDate.EPOCH).isPresent();
    }

    private static StructureView details(StructureView v, StructureDetails d) {
        Municipality m = d.municipality();
        return new StructureView(v.id(), d.nameEl(), d.nameEn(), d.type(), v.services(), d.targetGroups(),
                d.address(), d.location(), m == null ? null : m.code(), m == null ? null : m.nameEl(),
                m == null ? null : m.nameEn(), m == null ? null : m.regionalUnitCode(),
                m == null ? null : m.regionalUnitEl(), m == null ? null : m.regionalUnitEn(),
                m == null ? null : m.regionCode(), m == null ? null : m.regionEn(), d.municipalityCentroid(),
                d.openingHours(), d.accessibility(), d.contact(), d.beneficiariesServed(), d.locationVisibility(),
                d.inSolidarityNetwork(), d.organisationId(), v.status(), v.closedOn(), v.closureReason(),
                v.lastVerifiedOn(), v.lastVerifiedBy(), v.registeredOn(), v.registeredAt(), v.changedAt(), null);
    }

    private static StructureView withServices(StructureView v, List<StructureService> services) {
        return new StructureView(v.id(), v.nameEl(), v.nameEn(), v.type(), services, v.targetGroups(), v.address(),
                v.location(), v.municipalityCode(), v.municipalityNameEl(), v.municipalityNameEn(),
                v.regionalUnitCode(), v.regionalUnitNameEl(), v.regionalUnitNameEn(), v.regionCode(),
                v.regionNameEn(), v.municipalityCentroid(), v.openingHours(), v.accessibility(), v.contact(),
                v.beneficiariesServed(), v.locationVisibility(), v.inSolidarityNetwork(), v.organisationId(),
                v.status(), v.closedOn(), v.closureReason(), v.lastVerifiedOn(), v.lastVerifiedBy(),
                v.registeredOn(), v.registeredAt(), v.changedAt(), null);
    }

    private static StructureView verified(StructureView v, StructureVerified event) {
        return new StructureView(v.id(), v.nameEl(), v.nameEn(), v.type(), v.services(), v.targetGroups(),
                v.address(), v.location(), v.municipalityCode(), v.municipalityNameEl(), v.municipalityNameEn(),
                v.regionalUnitCode(), v.regionalUnitNameEl(), v.regionalUnitNameEn(), v.regionCode(),
                v.regionNameEn(), v.municipalityCentroid(), v.openingHours(), v.accessibility(), v.contact(),
                v.beneficiariesServed(), v.locationVisibility(), v.inSolidarityNetwork(), v.organisationId(),
                v.status(), v.closedOn(), v.closureReason(), event.verifiedOn(), event.verifiedBy(),
                v.registeredOn(), v.registeredAt(), v.changedAt(), null);
    }

    private static StructureView closed(StructureView v, StructureClosed event) {
        return new StructureView(v.id(), v.nameEl(), v.nameEn(), v.type(), v.services(), v.targetGroups(),
                v.address(), v.location(), v.municipalityCode(), v.municipalityNameEl(), v.municipalityNameEn(),
                v.regionalUnitCode(), v.regionalUnitNameEl(), v.regionalUnitNameEn(), v.regionCode(),
                v.regionNameEn(), v.municipalityCentroid(), v.openingHours(), v.accessibility(), v.contact(),
                v.beneficiariesServed(), v.locationVisibility(), v.inSolidarityNetwork(), v.organisationId(),
                StructureStatus.CLOSED, event.closedOn(), event.reason(), v.lastVerifiedOn(), v.lastVerifiedBy(),
                v.registeredOn(), v.registeredAt(), v.changedAt(), null);
    }

    /** A name as searches compare it: lower case, without accents or diaeresis, final sigma as any sigma. */
    static String folded(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('ς', 'σ');
    }
}
