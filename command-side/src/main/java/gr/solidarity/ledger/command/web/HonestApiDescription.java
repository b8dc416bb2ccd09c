package gr.solidarity.ledger.command.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API description says what the API answers: a creating command 201 and a changing one 202 (not the 200 that is
 * all a {@code ResponseEntity} tells the generator), and every refusal a client can meet as a problem document.
 */
@Configuration(proxyBeanMethods = false)
public class HonestApiDescription {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> COMMAND_REFUSALS = refusals(
            "400", "invalid input; errors[] names each field",
            "401", "no or bad credentials",
            "403", "the role may not do this, or a rule about who acts (four eyes)",
            "404", "no such record (or one of another organisation)",
            "409", "conflicts with the current state, a duplicate, or an idempotency key used for another request",
            "413", "the body is larger than the ledger accepts",
            "415", "the body is not JSON",
            "422", "a business rule refuses it");
    private static final Map<String, String> QUERY_REFUSALS = refusals(
            "400", "invalid filter; errors[] names each parameter",
            "401", "no or bad credentials",
            "403", "the role may not read this",
            "404", "no such record (or one of another organisation)",
            "503", "the view has not reached minPosition within waitMillis");

    private static Map<String, String> refusals(String... statusAndMeaning) {
        Map<String, String> refusals = new LinkedHashMap<>();
        for (int i = 0; i < statusAndMeaning.length; i += 2) {
            refusals.put(statusAndMeaning[i], statusAndMeaning[i + 1]);
        }
        return refusals;
    }

    @Bean
    OpenApiCustomizer honestResponses() {
        return openApi -> {
            if (openApi.getComponents() != null) {
                openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            }
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                item.readOperationsMap().forEach((method, operation) -> describe(method, operation));
            });
        };
    }

    private static void describe(PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean command = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
        if (command && responses.containsKey("200")) {
            ApiResponse ok = responses.remove("200");
            String schema = schemaName(ok);
            boolean accepted = schema != null && schema.endsWith("/Accepted");
            ok.setDescription(accepted ? "accepted: the change took effect" : "created");
            responses.addApiResponse(accepted ? "202" : "201", ok);
        }
        (command ? COMMAND_REFUSALS : QUERY_REFUSALS).forEach((status, meaning) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(meaning).content(new Content()
                        .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(
                                "#/components/schemas/" + PROBLEM)))));
            }
        });
    }

    private static String schemaName(ApiResponse response) {
        if (response.getContent() == null) {
            return null;
        }
        for (MediaType type : response.getContent().values()) {
            if (type.getSchema() != null && type.getSchema().get$ref() != null) {
                return type.getSchema().get$ref();
            }
        }
        return null;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        ObjectSchema fieldProblem = new ObjectSchema();
        fieldProblem.addProperty("field", new StringSchema().description("e.g. lines[0].quantity"));
        fieldProblem.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details with the ledger's stable code");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("code", new StringSchema().description("stable machine-readable code, e.g. STOCK_MUST_COVER_ALLOCATION"));
        problem.addProperty("errors", new ArraySchema().items(fieldProblem));
        problem.addRequiredItem("code");
        problem.addRequiredItem("status");
        return problem;
    }
}
