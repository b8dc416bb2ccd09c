package gr.solidarity.ledger.command.registry;

import gr.solidarity.ledger.command.common.Addresses;
import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.geography.Municipalities;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.Refusal.FieldProblem;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.OpeningHours.Closure;
import gr.solidarity.ledger.messages.registry.OpeningHours.WeeklyPeriod;
import gr.solidarity.ledger.messages.registry.PremisesAccessibility;
import gr.solidarity.ledger.messages.registry.StructureCommands.StructureEntry;
import gr.solidarity.ledger.messages.registry.StructureDetails;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.messages.registry.TargetGroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The rules a structure's entry must keep, each named, each refusing with a stable code that names the field. Fields
 * are named as the command API names them.
 */
final class StructureRules {

    static final String STRUCTURE_TYPE_REQUIRED = "STRUCTURE_TYPE_REQUIRED";
    static final String SERVICES_REQUIRED = "SERVICES_REQUIRED";
    static final String TARGET_GROUP_REQUIRED = "TARGET_GROUP_REQUIRED";
    static final String LOCATION_REQUIRED = "LOCATION_REQUIRED";
    static final String LOCATION_OUTSIDE_GREECE = "LOCATION_OUTSIDE_GREECE";
    static final String INVALID_EMAIL = "INVALID_EMAIL";
    static final String INVALID_PHONE = "INVALID_PHONE";
    static final String BENEFICIARIES_OUT_OF_RANGE = "BENEFICIARIES_OUT_OF_RANGE";
    static final String INVALID_OPENING_PERIOD = "INVALID_OPENING_PERIOD";
    static final String OPENING_PERIODS_OVERLAP = "OPENING_PERIODS_OVERLAP";
    static final String INVALID_CLOSURE = "INVALID_CLOSURE";
    static final String SENSITIVE_LOCATION_MUST_NOT_BE_EXACT = "SENSITIVE_LOCATION_MUST_NOT_BE_EXACT";
    static final String ORGANISATION_OUTSIDE_NETWORK = "ORGANISATION_OUTSIDE_NETWORK";

    static final int MAX_BENEFICIARIES = 1_000_000;

    private StructureRules() {
    }

    /**
     * The entry checked and completed. {@code current} is the entry a correction corrects (null for a registration):
     * its visibility is kept when none is named, and its organisation is not asked about again when it stays.
     */
    static StructureDetails details(StructureEntry entry, StructureDetails current, OrganisationLookup organisations) {
        LocationVisibility currentVisibility = current == null ? null : current.locationVisibility();
        if (entry == null) {
            throw CommandRefusedException.invalid(Texts.INVALID_TEXT, "nameEl", "nameEl is required");
        }
        String nameEl = Texts.require("nameEl", entry.nameEl(), 200);
        String nameEn = Texts.optional("nameEn", entry.nameEn(), 200);
        if (entry.type() == null) {
            throw CommandRefusedException.invalid(STRUCTURE_TYPE_REQUIRED, "type", "the structure type is required");
        }
        var municipality = Municipalities.greece().require("municipalityCode", entry.municipalityCode());
        GeoPoint centroid = Municipalities.greece().centroid(municipality.code()).orElseThrow();
        var address = Addresses.require(entry.address());
        GeoPoint location = requireInGreece(entry.location());
        LocationVisibility visibility = visibility(entry.type(), entry.locationVisibility(), currentVisibility);
        String organisationId = network(entry, current == null ? null : current.organisationId(), organisations);
        return new StructureDetails(nameEl, nameEn, entry.type(), targetGroups(entry.targetGroups()), address,
                location, municipality, centroid, openingHours(entry.openingHours()),
                accessibility(entry.accessibility()), contact(entry.contact()),
                beneficiaries(entry.beneficiariesServed()), visibility, entry.inSolidarityNetwork(), organisationId);
    }

    /** Rule ServicesMustBeChosen: one or more, each once, kept in the code list's order. */
    static List<StructureService> services(List<StructureService> services) {
        if (services == null || services.isEmpty()) {
            throw CommandRefusedException.invalid(SERVICES_REQUIRED, "services", "choose at least one service");
        }
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i) == null) {
                throw CommandRefusedException.invalid(SERVICES_REQUIRED, "services[" + i + "]",
                        "every service must be one of the code list");
            }
        }
        return List.copyOf(new TreeSet<>(services));
    }

    private static List<TargetGroup> targetGroups(List<TargetGroup> groups) {
        if (groups == null) {
            return List.of();
        }
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) == null) {
                throw CommandRefusedException.invalid(TARGET_GROUP_REQUIRED, "targetGroups[" + i + "]",
                        "every target group must be one of the code list");
            }
        }
        return List.copyOf(new TreeSet<>(groups));
    }

    /**
     * Rule SensitiveLocationNeverExact: a structure of a sensitive type (a shelter, a home) is shown at municipality
     * level unless hidden altogether, whoever asks otherwise. Without a choice: a correction keeps the current one
     * (as far as the type allows), a registration takes the type's default.
     */
    private static LocationVisibility visibility(StructureType type, LocationVisibility asked,
                                                 LocationVisibility current) {
        if (asked == LocationVisibility.EXACT && type.sensitive()) {
            throw CommandRefusedException.ruleViolated(SENSITIVE_LOCATION_MUST_NOT_BE_EXACT, "locationVisibility",
                    "a " + type.labelEn().toLowerCase() + " is never shown at its exact location");
        }
        if (asked != null) {
            return asked;
        }
        if (current != null && !(current == LocationVisibility.EXACT && type.sensitive())) {
            return current;
        }
        return type.defaultVisibility();
    }

    /**
     * Rule NetworkThroughAVerifiedRecipient: a structure names an organisation only when it takes part in the
     * network, and then a verified recipient organisation. One it already names is not asked about again, so a
     * correction of a phone number is not refused because the organisation has been suspended since.
     */
    private static String network(StructureEntry entry, String currentOrganisationId,
                                  OrganisationLookup organisations) {
        String organisationId = Texts.optional("organisationId", entry.organisationId(), 64);
        if (organisationId == null) {
            return null;
        }
        if (!entry.inSolidarityNetwork()) {
            throw CommandRefusedException.invalid(ORGANISATION_OUTSIDE_NETWORK, "organisationId",
                    "only a structure that takes part in the solidarity network names its organisation");
        }
        if (!organisationId.equals(currentOrganisationId)) {
            organisations.requireVerifiedRecipient("organisationId", organisationId);
        }
        return organisationId;
    }

    /** Rule LocationMustBeInGreece. */
    private static GeoPoint requireInGreece(GeoPoint location) {
        if (location == null) {
            throw CommandRefusedException.invalid(LOCATION_REQUIRED, "latitude", "location (latitude/longitude) is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!(location.latitude() >= 34.5 && location.latitude() <= 42.0)) {
            problems.add(new FieldProblem("latitude", "latitude must be within Greece (34.5 to 42.0)"));
        }
        if (!(location.longitude() >= 19.0 && location.longitude() <= 30.0)) {
            problems.add(new FieldProblem("longitude", "longitude must be within Greece (19.0 to 30.0)"));
        }
        if (!problems.isEmpty()) {
            throw CommandRefusedException.invalid(LOCATION_OUTSIDE_GREECE, "location must be within Greece", problems);
        }
        return location;
    }

    /**
     * Rule OpeningHoursMustBeCoherent: each weekly period opens before it closes on the same day and overlaps no other
     * period of that day; each closure ends on or after the day it starts. Kept sorted by day and time, closures by
     * their first day.
     */
    private static OpeningHours openingHours(OpeningHours hours) {
        if (hours == null) {
            return OpeningHours.none();
        }
        for (int i = 0; i < hours.weekly().size(); i++) {
            WeeklyPeriod period = hours.weekly().get(i);
            if (period == null || period.day() == null || period.opens() == null || period.closes() == null
                    || !period.opens().isBefore(period.closes())) {
                throw CommandRefusedException.invalid(INVALID_OPENING_PERIOD, "openingHours.weekly[" + i + "]",
                        "a period names its day and opens before it closes");
            }
            for (int j = 0; j < i; j++) {
                WeeklyPeriod other = hours.weekly().get(j);
                if (other.day() == period.day() && period.opens().isBefore(other.closes())
                        && other.opens().isBefore(period.closes())) {
                    throw CommandRefusedException.invalid(OPENING_PERIODS_OVERLAP, "openingHours.weekly[" + i + "]",
                            "this period overlaps period " + j + " on " + period.day());
                }
            }
        }
        List<Closure> closures = new ArrayList<>();
        for (int i = 0; i < hours.closures().size(); i++) {
            Closure closure = hours.closures().get(i);
            if (closure == null || closure.from() == null || closure.to() == null
                    || closure.to().isBefore(closure.from())) {
                throw CommandRefusedException.invalid(INVALID_CLOSURE, "openingHours.closures[" + i + "]",
                        "a closure names its first and last day, the last not before the first");
            }
            closures.add(new Closure(closure.from(), closure.to(),
                    Texts.optional("openingHours.closures[" + i + "].reason", closure.reason(), 200)));
        }
        List<WeeklyPeriod> weekly = new ArrayList<>(hours.weekly());
        weekly.sort(Comparator.comparing(WeeklyPeriod::day).thenComparing(WeeklyPeriod::opens));
        closures.sort(Comparator.comparing(Closure::from).thenComparing(Closure::to));
        return new OpeningHours(weekly, closures);
    }

    private static PremisesAccessibility accessibility(PremisesAccessibility accessibility) {
        if (accessibility == null) {
            return PremisesAccessibility.unknown();
        }
        return new PremisesAccessibility(accessibility.stepFreeEntrance(), accessibility.accessibleToilet(),
                accessibility.accessibleParking(), Texts.optional("accessibility.note", accessibility.note(), 500));
    }

    /** Rule ContactMustBeReachable: an e-mail address and a phone number, when given, look like one. */
    private static ContactDetails contact(ContactDetails contact) {
        if (contact == null) {
            return null;
        }
        String email = Texts.optional("contact.email", contact.email(), 254);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw CommandRefusedException.invalid(INVALID_EMAIL, "contact.email", "e-mail address is not valid");
        }
        String phone = Texts.optional("contact.phone", contact.phone(), 40);
        if (phone != null && !phone.matches("\\+?[0-9 ()-]{6,40}")) {
            throw CommandRefusedException.invalid(INVALID_PHONE, "contact.phone", "phone number is not valid");
        }
        String person = Texts.optional("contact.person", contact.person(), 200);
        return person == null && email == null && phone == null ? null : new ContactDetails(person, email, phone);
    }

    private static Integer beneficiaries(Integer beneficiaries) {
        if (beneficiaries != null && (beneficiaries < 0 || beneficiaries > MAX_BENEFICIARIES)) {
            throw CommandRefusedException.invalid(BENEFICIARIES_OUT_OF_RANGE, "beneficiariesServed",
                    "beneficiaries served must be between 0 and " + MAX_BENEFICIARIES);
        }
        return beneficiaries;
    }
}
