package gr.solidarity.ledger.projection.organisation;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.DonorCompanyRegistered;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationReinstated;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationSuspended;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationVerified;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationKind;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationStatus;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.projection.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;

import static gr.solidarity.ledger.projection.support.InMemoryMongo.all;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatch;
import static org.assertj.core.api.Assertions.assertThat;

class OrganisationRegistryProjectionTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final Municipality IOANNINA = new Municipality("1801", "Ιωαννιτών", "Ioannina", "18", "Ιωαννίνων",
            "Ioannina", "EL54", "Epirus");

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    static List<Runnable> events(OrganisationRegistryProjection projection) {
        return List.of(
                () -> projection.on(new DonorCompanyRegistered("donor-1", "Ζυμαρικά Πίνδου Α.Β.Ε.Ε.", "094014201",
                        new ContactDetails("Κώστας Ζήκος", "info@pindos.example", null),
                        new PostalAddress("Λεωφόρος Δωδώνης 10", "45221", "Ιωάννινα"), IOANNINA), T0),
                () -> projection.on(new RecipientStructureRegistered("structure-1", "Ενοριακό Συσσίτιο Αγίου Νικολάου",
                        RecipientStructureType.PARISH_SOUP_KITCHEN, new ContactDetails("π. Γεώργιος", null, null),
                        new PostalAddress("Αγίου Νικολάου 1", "45444", "Ιωάννινα"), IOANNINA,
                        new GeoPoint(39.665, 20.853), 120), T0.plusSeconds(10)),
                () -> projection.on(new OrganisationVerified("donor-1", "ΓΕΜΗ"), T0.plusSeconds(60)),
                () -> projection.on(new OrganisationVerified("structure-1", null), T0.plusSeconds(70)),
                () -> projection.on(new OrganisationSuspended("structure-1", "έλεγχος"), T0.plusSeconds(80)),
                () -> projection.on(new OrganisationReinstated("structure-1", "εντάξει"), T0.plusSeconds(90)),
                () -> projection.on(new OrganisationSuspended("donor-1", "ληγμένα προϊόντα"), T0.plusSeconds(100)),
                () -> projection.on(new OrganisationVerified("nobody", "άγνωστος"), T0.plusSeconds(110)));
    }

    @Test
    void registrationsAndStatusChangesLeaveEachOrganisationAsItStandsNow() {
        MongoTemplate mongo = new MongoTemplate(inMemoryMongo.client(), "test");
        events(new OrganisationRegistryProjection(mongo)).forEach(Runnable::run);

        OrganisationView donor = mongo.findById("donor-1", OrganisationView.class, OrganisationQueries.COLLECTION);
        assertThat(donor.kind()).isEqualTo(OrganisationKind.DONOR_COMPANY);
        assertThat(donor.taxNumber()).isEqualTo("094014201");
        assertThat(donor.municipalityName()).isEqualTo("Ιωαννιτών");
        assertThat(donor.regionalUnitCode()).isEqualTo("18");
        assertThat(donor.status()).isEqualTo(OrganisationStatus.SUSPENDED);
        assertThat(donor.statusNote()).isEqualTo("ληγμένα προϊόντα");
        assertThat(donor.registeredAt()).isEqualTo(T0);
        assertThat(donor.changedAt()).isEqualTo(T0.plusSeconds(100));

        OrganisationView structure = mongo.findById("structure-1", OrganisationView.class, OrganisationQueries.COLLECTION);
        assertThat(structure.kind()).isEqualTo(OrganisationKind.RECIPIENT_STRUCTURE);
        assertThat(structure.structureType()).isEqualTo(RecipientStructureType.PARISH_SOUP_KITCHEN);
        assertThat(structure.beneficiariesServed()).isEqualTo(120);
        assertThat(structure.location()).isEqualTo(new GeoPoint(39.665, 20.853));
        assertThat(structure.status()).isEqualTo(OrganisationStatus.VERIFIED);
        assertThat(structure.statusNote()).isEqualTo("εντάξει");

        assertThat(mongo.findById("nobody", Document.class, OrganisationQueries.COLLECTION)).isNull();
        Document stored = mongo.findById("structure-1", Document.class, OrganisationQueries.COLLECTION);
        assertThat(stored.getString("searchName")).as("searched without case or accents")
                .isEqualTo("ενοριακο συσσιτιο αγιου νικολαου");
    }

    @Test
    void eachEventHandledTwiceLeavesTheSameRegistry() {
        MongoTemplate once = new MongoTemplate(inMemoryMongo.client(), "once");
        MongoTemplate twice = new MongoTemplate(inMemoryMongo.client(), "twice");
        events(new OrganisationRegistryProjection(once)).forEach(Runnable::run);
        OrganisationRegistryProjection repeated = new OrganisationRegistryProjection(twice);
        events(repeated).forEach(event -> {
            event.run();
            event.run();
        });
        assertThat(all(twice, OrganisationQueries.COLLECTION)).isEqualTo(all(once, OrganisationQueries.COLLECTION));
    }

    @Test
    void theWholeHistoryHandledAsOneBatchLeavesTheSameDocumentsAsEventByEvent() {
        MongoTemplate oneByOne = new MongoTemplate(inMemoryMongo.client(), "one-by-one");
        MongoTemplate batched = new MongoTemplate(inMemoryMongo.client(), "batched");
        events(new OrganisationRegistryProjection(oneByOne)).forEach(Runnable::run);
        inOneBatch(events(new OrganisationRegistryProjection(batched)));

        assertThat(all(oneByOne, OrganisationQueries.COLLECTION)).hasSize(2);
        assertThat(all(batched, OrganisationQueries.COLLECTION)).isEqualTo(all(oneByOne, OrganisationQueries.COLLECTION));
    }

    @Test
    void aResetEmptiesTheRegistry() {
        MongoTemplate mongo = new MongoTemplate(inMemoryMongo.client(), "reset");
        OrganisationRegistryProjection projection = new OrganisationRegistryProjection(mongo);
        events(projection).forEach(Runnable::run);
        projection.reset();
        assertThat(all(mongo, OrganisationQueries.COLLECTION)).isEmpty();
    }
}
