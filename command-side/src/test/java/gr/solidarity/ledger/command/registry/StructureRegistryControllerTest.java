package gr.solidarity.ledger.command.registry;

import gr.solidarity.ledger.command.support.FixedClock;
import gr.solidarity.ledger.command.web.CommandProblemHandler;
import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.OpeningHours.WeeklyPeriod;
import gr.solidarity.ledger.messages.registry.StructureCommands.ChangeStructureServices;
import gr.solidarity.ledger.messages.registry.StructureCommands.CloseStructure;
import gr.solidarity.ledger.messages.registry.StructureCommands.RegisterStructure;
import gr.solidarity.ledger.messages.registry.StructureCommands.StructureEntry;
import gr.solidarity.ledger.messages.registry.StructureCommands.VerifyStructure;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.messages.registry.TargetGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StructureRegistryControllerTest {

    static final String ID = "5a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
    static final String BODY = """
            {"id": "%s", "nameEl": "Κοινωνικό Παντοπωλείο Ιωαννίνων", "type": "SOCIAL_GROCERY",
             "services": ["BASIC_GOODS", "FEEDING"], "targetGroups": ["LOW_INCOME"],
             "address": {"street": "Μιχαήλ Αγγέλου 3", "postalCode": "452 21", "town": "Ιωάννινα"},
             "municipalityCode": "1801", "latitude": 39.665, "longitude": 20.853,
             "openingHours": {"weekly": [{"day": "MONDAY", "opens": "09:00", "closes": "13:30"}]},
             "contact": {"phone": "+30 26510 11111"}, "beneficiariesServed": 900}
            """.formatted(ID);

    CommandSender sender;
    WebTestClient client;

    @BeforeEach
    void setUp() {
        sender = mock(CommandSender.class);
        var validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        client = WebTestClient.bindToController(new StructureRegistryController(sender, FixedClock.today()))
                .controllerAdvice(new CommandProblemHandler())
                .validator(validator)
                .build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void registersAStructureUnderItsOwnId() {
        when(sender.create(any(), any(), anyBoolean(), any())).thenAnswer(invocation -> {
            Function<String, String> location = invocation.getArgument(3);
            return Mono.just(ResponseEntity.created(URI.create(location.apply(ID))).body(new CommandSender.Created(ID, 3)));
        });

        client.post().uri("/api/registry/structures").contentType(MediaType.APPLICATION_JSON).bodyValue(BODY)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/registry/structures/" + ID);

        var entry = new StructureEntry("Κοινωνικό Παντοπωλείο Ιωαννίνων", null, StructureType.SOCIAL_GROCERY,
                List.of(TargetGroup.LOW_INCOME), new PostalAddress("Μιχαήλ Αγγέλου 3", "452 21", "Ιωάννινα"),
                new GeoPoint(39.665, 20.853), "1801",
                new OpeningHours(List.of(new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 30))), null),
                null, new ContactDetails(null, null, "+30 26510 11111"), 900, null, false, null);
        verify(sender).create(eq(new RegisterStructure(ID, entry, List.of(StructureService.BASIC_GOODS,
                StructureService.FEEDING))), isNull(), eq(true), any(Function.class));
    }

    @Test
    void refusesMissingServicesAndAMunicipalityThatIsNoCodeNamingTheFields() {
        client.post().uri("/api/registry/structures").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(BODY.replace("[\"BASIC_GOODS\", \"FEEDING\"]", "[]").replace("\"1801\"", "\"Ioannina\""))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat(fields.toString()).contains("services", "municipalityCode"));
        verify(sender, never()).create(any(), any(), anyBoolean(), any());
    }

    @Test
    void changesServicesVerifiesAndClosesTodayUnlessADayIsGiven() {
        when(sender.accept(any(), any())).thenReturn(Mono.just(
                ResponseEntity.status(HttpStatus.ACCEPTED).body(new CommandSender.Accepted(ID, 9))));

        client.put().uri("/api/registry/structures/" + ID + "/services").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"services\": [\"HEALTH\"]}").exchange().expectStatus().isAccepted();
        client.post().uri("/api/registry/structures/" + ID + "/verification").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"verifiedBy\": \"Α. Κωστοπούλου\"}").exchange().expectStatus().isAccepted();
        client.post().uri("/api/registry/structures/" + ID + "/closure").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"closedOn\": \"2026-03-01\", \"reason\": \"λήξη\"}").exchange().expectStatus().isAccepted();

        verify(sender).accept(eq(new ChangeStructureServices(ID, List.of(StructureService.HEALTH))), isNull());
        verify(sender).accept(eq(new VerifyStructure(ID, FixedClock.TODAY, "Α. Κωστοπούλου", null)), isNull());
        verify(sender).accept(eq(new CloseStructure(ID, java.time.LocalDate.of(2026, 3, 1), "λήξη")), isNull());
    }

    @Test
    void refusesAVerificationWithoutWhoVerified() {
        client.post().uri("/api/registry/structures/" + ID + "/verification").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"verifiedOn\": \"2026-03-01\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("verifiedBy");
        verify(sender, never()).accept(any(), any());
    }
}
