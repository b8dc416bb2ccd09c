package gr.solidarity.ledger.projection.organisation;

import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.DonorCompanyRegistered;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationReinstated;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationSuspended;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationVerified;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationKind;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationStatus;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import gr.solidarity.ledger.projection.common.BatchDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The registry of donor companies and recipient structures as they stand now. Handlers set values taken from the
 * event, so handling one twice leaves the same document. Besides the view's fields each document keeps what its
 * queries filter and sort on: the name folded to lower case without accents (so «Ιωάννινα» is found as «ιωαννινα»)
 * and a sort key of that name and the id.
 */
@Component
@ProcessingGroup("organisations")
class OrganisationRegistryProjection {

    private final MongoTemplate mongo;
    private final BatchDocuments documents;

    OrganisationRegistryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        String organisations = OrganisationQueries.COLLECTION;
        this.documents = new BatchDocuments(mongo)
                .prefetch(OrganisationVerified.class, organisations, event -> List.of(event.organisationId()))
                .prefetch(OrganisationSuspended.class, organisations, event -> List.of(event.organisationId()))
                .prefetch(OrganisationReinstated.class, organisations, event -> List.of(event.organisationId()));
        createIndexes();
    }

    void createIndexes() {
        IndexOperations indexes = mongo.indexOps(OrganisationQueries.COLLECTION);
        indexes.createIndex(new Index().on("sortKey", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("kind", Sort.Direction.ASC).on("sortKey", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("taxNumber", Sort.Direction.ASC));
    }

    @EventHandler
    void on(DonorCompanyRegistered event, @Timestamp Instant at) {
        register(new OrganisationView(event.organisationId(), OrganisationKind.DONOR_COMPANY, event.legalName(),
                event.taxNumber(), null, event.contact(), event.address(), code(event.municipality()),
                nameEl(event.municipality()), nameEn(event.municipality()), regionalUnitCode(event.municipality()),
                regionalUnitName(event.municipality()), null, null, OrganisationStatus.PENDING_VERIFICATION, null,
                at, at));
    }

    @EventHandler
    void on(RecipientStructureRegistered event, @Timestamp Instant at) {
        register(new OrganisationView(event.organisationId(), OrganisationKind.RECIPIENT_STRUCTURE, event.name(),
                null, event.structureType(), event.contact(), event.address(), code(event.municipality()),
                nameEl(event.municipality()), nameEn(event.municipality()), regionalUnitCode(event.municipality()),
                regionalUnitName(event.municipality()), event.location(), event.beneficiariesServed(),
                OrganisationStatus.PENDING_VERIFICATION, null, at, at));
    }

    @EventHandler
    void on(OrganisationVerified event, @Timestamp Instant at) {
        status(event.organisationId(), OrganisationStatus.VERIFIED, event.note(), at);
    }

    @EventHandler
    void on(OrganisationSuspended event, @Timestamp Instant at) {
        status(event.organisationId(), OrganisationStatus.SUSPENDED, event.reason(), at);
    }

    @EventHandler
    void on(OrganisationReinstated event, @Timestamp Instant at) {
        status(event.organisationId(), OrganisationStatus.VERIFIED, event.note(), at);
    }

    @ResetHandler
    void reset() {
        documents.discard(OrganisationQueries.COLLECTION);
        mongo.dropCollection(OrganisationQueries.COLLECTION);
        createIndexes();
    }

    /** A name as searches compare it: lower case, without accents or diaeresis, final sigma as any sigma. */
    static String folded(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace('ς', 'σ');
    }

    private void register(OrganisationView view) {
        Document document = new Document();
        mongo.getConverter().write(view, document);
        document.put("_id", view.id());
        document.remove("_class");
        document.put("searchName", folded(view.name()));
        document.put("sortKey", folded(view.name()) + "\u0000" + view.id());
        documents.save(OrganisationQueries.COLLECTION, document);
    }

    /** Changes an existing organisation only: a status event for an unknown one leaves the registry as it was. */
    private void status(String organisationId, OrganisationStatus status, String note, Instant at) {
        Document organisation = documents.find(OrganisationQueries.COLLECTION, organisationId);
        if (organisation == null) {
            return;
        }
        organisation.put("status", status.name());
        organisation.put("statusNote", note);
        organisation.put("changedAt", mongo.getConverter().convertToMongoType(at));
        documents.save(OrganisationQueries.COLLECTION, organisation);
    }

    private static String code(Municipality municipality) {
        return municipality == null ? null : municipality.code();
    }

    private static String nameEl(Municipality municipality) {
        return municipality == null ? null : municipality.nameEl();
    }

    private static String nameEn(Municipality municipality) {
        return municipality == null ? null : municipality.nameEn();
    }

    private static String regionalUnitCode(Municipality municipality) {
        return municipality == null ? null : municipality.regionalUnitCode();
    }

    private static String regionalUnitName(Municipality municipality) {
        return municipality == null ? null : municipality.regionalUnitEl();
    }
}
