package gr.solidarity.ledger.command.organisation;

import gr.solidarity.ledger.command.geography.Municipalities;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterDonorCompany;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterRecipientStructure;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.ReinstateOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.SuspendOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.VerifyOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.DonorCompanyRegistered;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationReinstated;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationSuspended;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationVerified;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import gr.solidarity.ledger.command.common.CommandRefusedException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static gr.solidarity.ledger.command.support.Refusals.refusal;
import static gr.solidarity.ledger.command.support.Refusals.refused;
import static gr.solidarity.ledger.command.support.LedgerFixtures.fixtureFor;
import static org.assertj.core.api.Assertions.assertThat;

class OrganisationTest {

    static final String ID = "0f1c4d2e-5b6a-4c3d-9e8f-102030405060";
    static final ContactDetails CONTACT = new ContactDetails("Μαρία Παπαδοπούλου", "info@example.gr", "+30 26510 12345");
    static final PostalAddress ADDRESS = new PostalAddress("Λεωφόρος Δωδώνης 10", "45221", "Ιωάννινα");
    /** A valid ΑΦΜ: the weighted sum of the first eight digits mod 11 mod 10 is the ninth. */
    static final String AFM = "094014201";

    AggregateTestFixture<Organisation> fixture;
    final Map<String, String> takenTaxNumbers = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = fixtureFor(Organisation.class);
        // the rule as the repository-backed claims keep it (RepositoryTaxNumbersTest)
        fixture.registerInjectableResource((TaxNumbers) (taxNumber, organisationId) -> {
            String holder = takenTaxNumbers.putIfAbsent(taxNumber, organisationId);
            if (holder != null && !holder.equals(organisationId)) {
                throw CommandRefusedException.conflict(TaxNumbers.TAX_NUMBER_TAKEN, "taken by " + holder);
            }
        });
    }

    static DonorCompanyRegistered donorRegistered() {
        return new DonorCompanyRegistered(ID, "Ηπειρωτικά Τρόφιμα Α.Ε.", AFM, CONTACT, ADDRESS,
                Municipalities.greece().find("1801").orElseThrow());
    }

    @Test
    void registersADonorCompanyWithItsMunicipality() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDonorCompany(ID, " Ηπειρωτικά Τρόφιμα Α.Ε. ", AFM, CONTACT, ADDRESS, "1801"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(donorRegistered());
    }

    @Test
    void aSecondDonorCompanyWithATakenTaxNumberIsRefused() {
        takenTaxNumbers.put(AFM, "0f1c4d2e-5b6a-4c3d-9e8f-1020304050ff");
        fixture.givenNoPriorActivity()
                .when(new RegisterDonorCompany(ID, "Ηπειρωτικά Τρόφιμα (δεύτερη)", AFM, CONTACT, ADDRESS, "1801"))
                .expectException(refused())
                .expectExceptionDetails(refusal(TaxNumbers.TAX_NUMBER_TAKEN, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void anInvalidRegistrationClaimsNoTaxNumber() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDonorCompany(ID, "Εταιρεία", AFM, CONTACT, ADDRESS, "9999"))
                .expectException(refused());
        assertThat(takenTaxNumbers).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"094014202", "12345678", "abcdefghi", "000000000"})
    void refusesATaxNumberWithoutAValidCheckDigit(String afm) {
        fixture.givenNoPriorActivity()
                .when(new RegisterDonorCompany(ID, "Εταιρεία", afm, CONTACT, ADDRESS, "1801"))
                .expectException(refused())
                .expectExceptionDetails(refusal(TaxNumber.INVALID_TAX_NUMBER, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownMunicipality() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDonorCompany(ID, "Εταιρεία", AFM, CONTACT, ADDRESS, "9999"))
                .expectExceptionDetails(refusal(Municipalities.UNKNOWN_MUNICIPALITY))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingLegalName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDonorCompany(ID, "  ", AFM, CONTACT, ADDRESS, "1801"))
                .expectExceptionDetails(refusal("TEXT_REQUIRED_OR_TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void refusesAMalformedEmail() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDonorCompany(ID, "Εταιρεία", AFM, new ContactDetails("Νίκος", "not-an-email", null),
                        ADDRESS, "1801"))
                .expectExceptionDetails(refusal("INVALID_EMAIL"))
                .expectNoEvents();
    }

    @Test
    void registersARecipientStructure() {
        var location = new GeoPoint(39.665, 20.853);
        fixture.givenNoPriorActivity()
                .when(new RegisterRecipientStructure(ID, "Συσσίτιο Αγίου Νικολάου", RecipientStructureType.PARISH_SOUP_KITCHEN,
                        CONTACT, ADDRESS, "1801", location, 120))
                .expectEvents(new RecipientStructureRegistered(ID, "Συσσίτιο Αγίου Νικολάου",
                        RecipientStructureType.PARISH_SOUP_KITCHEN, CONTACT, ADDRESS,
                        Municipalities.greece().find("1801").orElseThrow(), location, 120));
    }

    @Test
    void refusesARecipientStructureOutsideGreece() {
        fixture.givenNoPriorActivity()
                .when(new RegisterRecipientStructure(ID, "Δομή", RecipientStructureType.NGO, CONTACT, ADDRESS, "1801",
                        new GeoPoint(48.85, 2.35), 10))
                .expectExceptionDetails(refusal("LOCATION_OUTSIDE_GREECE"))
                .expectNoEvents();
    }

    @Test
    void refusesNegativeBeneficiaries() {
        fixture.givenNoPriorActivity()
                .when(new RegisterRecipientStructure(ID, "Δομή", RecipientStructureType.NGO, CONTACT, ADDRESS, "1801",
                        new GeoPoint(39.6, 20.8), -1))
                .expectExceptionDetails(refusal("BENEFICIARIES_OUT_OF_RANGE"))
                .expectNoEvents();
    }

    @Test
    void refusesARecipientStructureWithoutType() {
        fixture.givenNoPriorActivity()
                .when(new RegisterRecipientStructure(ID, "Δομή", null, CONTACT, ADDRESS, "1801",
                        new GeoPoint(39.6, 20.8), 10))
                .expectExceptionDetails(refusal("STRUCTURE_TYPE_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void verifiesARegisteredOrganisation() {
        fixture.given(donorRegistered())
                .when(new VerifyOrganisation(ID, "έλεγχος ΓΕΜΗ"))
                .expectEvents(new OrganisationVerified(ID, "έλεγχος ΓΕΜΗ"));
    }

    @Test
    void refusesToVerifyTwice() {
        fixture.given(donorRegistered(), new OrganisationVerified(ID, null))
                .when(new VerifyOrganisation(ID, null))
                .expectExceptionDetails(refusal(Organisation.NOT_PENDING_VERIFICATION, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void suspendsAVerifiedOrganisationWithAReason() {
        fixture.given(donorRegistered(), new OrganisationVerified(ID, null))
                .when(new SuspendOrganisation(ID, "εκκρεμεί έλεγχος"))
                .expectEvents(new OrganisationSuspended(ID, "εκκρεμεί έλεγχος"));
    }

    @Test
    void refusesASuspensionWithoutReason() {
        fixture.given(donorRegistered(), new OrganisationVerified(ID, null))
                .when(new SuspendOrganisation(ID, ""))
                .expectExceptionDetails(refusal("TEXT_REQUIRED_OR_TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void refusesToSuspendAnUnverifiedOrganisation() {
        fixture.given(donorRegistered())
                .when(new SuspendOrganisation(ID, "λόγος"))
                .expectExceptionDetails(refusal(Organisation.NOT_ACTIVE))
                .expectNoEvents();
    }

    @Test
    void reinstatesASuspendedOrganisation() {
        fixture.given(donorRegistered(), new OrganisationVerified(ID, null), new OrganisationSuspended(ID, "λόγος"))
                .when(new ReinstateOrganisation(ID, "τακτοποιήθηκε"))
                .expectEvents(new OrganisationReinstated(ID, "τακτοποιήθηκε"));
    }

    @Test
    void refusesToReinstateAnOrganisationThatIsNotSuspended() {
        fixture.given(donorRegistered(), new OrganisationVerified(ID, null))
                .when(new ReinstateOrganisation(ID, null))
                .expectExceptionDetails(refusal(Organisation.NOT_SUSPENDED))
                .expectNoEvents();
    }

    @Test
    void checkDigitRule() {
        assertThat(TaxNumber.isValid(AFM)).isTrue();
        assertThat(TaxNumber.isValid("094014202")).isFalse();
    }
}
