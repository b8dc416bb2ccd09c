package gr.solidarity.ledger.command.catalogue;

import gr.solidarity.ledger.command.web.CommandProblemHandler;
import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.RetireCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.ReviseCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.SetMinimumStockLevel;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.net.URI;
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

class CatalogueControllerTest {

    CommandSender sender;
    WebTestClient client;

    @BeforeEach
    void setUp() {
        sender = mock(CommandSender.class);
        var validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        client = WebTestClient.bindToController(new CatalogueController(sender))
                .controllerAdvice(new CommandProblemHandler())
                .validator(validator)
                .build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void addsAnItemUnderItsCode() {
        when(sender.create(any(), any(), anyBoolean(), any())).thenAnswer(invocation -> {
            Function<String, String> location = invocation.getArgument(3);
            return Mono.just(ResponseEntity.created(URI.create(location.apply("FETA-KG")))
                    .body(new CommandSender.Created("FETA-KG", 7)));
        });

        client.post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"itemCode": "FETA-KG", "nameEl": "Φέτα", "nameEn": "Feta", "category": "DAIRY",
                         "unit": "KG", "perishable": true}
                        """)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/catalogue/items/FETA-KG");

        verify(sender).create(eq(new AddCatalogueItem("FETA-KG", "Φέτα", "Feta", ItemCategory.DAIRY, UnitOfMeasure.KG,
                true)), isNull(), eq(true), any(Function.class));
    }

    @Test
    void refusesALowerCaseCodeAndUnstatedPerishability() {
        client.post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"itemCode": "feta", "nameEl": "Φέτα", "nameEn": "Feta", "category": "DAIRY", "unit": "KG"}
                        """)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat(fields.toString()).contains("itemCode", "perishable"));
        verify(sender, never()).create(any(), any(), anyBoolean(), any());
    }

    @Test
    void revisesAndRetires() {
        when(sender.accept(any(), any())).thenReturn(Mono.just(
                ResponseEntity.status(HttpStatus.ACCEPTED).body(new CommandSender.Accepted("FETA-KG", 8))));

        client.put().uri("/api/catalogue/items/FETA-KG").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"nameEl": "Φέτα ΠΟΠ", "nameEn": "Feta PDO", "category": "DAIRY", "perishable": true}
                        """)
                .exchange()
                .expectStatus().isAccepted();
        client.post().uri("/api/catalogue/items/FETA-KG/retirement").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"reason": "δεν διατίθεται"}
                        """)
                .exchange()
                .expectStatus().isAccepted();

        verify(sender).accept(eq(new ReviseCatalogueItem("FETA-KG", "Φέτα ΠΟΠ", "Feta PDO", ItemCategory.DAIRY, true)), isNull());
        verify(sender).accept(eq(new RetireCatalogueItem("FETA-KG", "δεν διατίθεται")), isNull());
    }

    @Test
    void setsAMinimumStockLevel() {
        when(sender.accept(any(), any())).thenReturn(Mono.just(
                ResponseEntity.status(HttpStatus.ACCEPTED).body(new CommandSender.Accepted("FETA-KG", 9))));

        client.put().uri("/api/catalogue/items/FETA-KG/minimum-stock").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"minimum": 25.5}
                        """)
                .exchange()
                .expectStatus().isAccepted();

        verify(sender).accept(eq(new SetMinimumStockLevel("FETA-KG", new BigDecimal("25.5"))), isNull());
    }

    @Test
    void refusesANegativeOrMissingMinimum() {
        for (String body : new String[]{"{\"minimum\": -1}", "{}"}) {
            client.put().uri("/api/catalogue/items/FETA-KG/minimum-stock").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("minimum");
        }
        verify(sender, never()).accept(any(), any());
    }
}
