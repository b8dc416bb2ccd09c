package gr.solidarity.ledger.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file under {@code deploy/} is checked against a published schema in the build, without the network: the
 * compose file against the Compose Specification's schema, every Kubernetes manifest against the schema of its kind,
 * strictly (an unknown field, such as a misspelt probe, is an error), and every file a kustomization names exists.
 */
class DeployManifestsTest {

    static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    /** Schema definition for each kind the manifests use; a kind missing here fails the test rather than passing. */
    static final Map<String, String> DEFINITIONS = Map.ofEntries(
            Map.entry("v1/ConfigMap", "apps:kubernetes_core_ConfigMap"),
            Map.entry("v1/Secret", "apps:kubernetes_core_Secret"),
            Map.entry("v1/Service", "apps:kubernetes_core_Service"),
            Map.entry("v1/Namespace", "apps:kubernetes_core_Namespace"),
            Map.entry("apps/v1/Deployment", "apps:kubernetes_apps_Deployment"),
            Map.entry("apps/v1/StatefulSet", "apps:kubernetes_apps_StatefulSet"),
            Map.entry("policy/v1/PodDisruptionBudget", "policy:kubernetes_policy_v1_PodDisruptionBudget"),
            Map.entry("networking.k8s.io/v1/Ingress", "networking:kubernetes_networking_v1_Ingress"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "networking:kubernetes_networking_v1_NetworkPolicy"));

    @Test
    void theComposeFileFollowsTheComposeSpecification() throws IOException {
        JsonSchema compose = composeSchema();
        Path file = DEPLOY.resolve("compose/compose.yaml");

        List<JsonNode> documents = yaml(file);

        assertThat(documents).hasSize(1);
        assertThat(messages(compose.validate(documents.get(0)))).as(file.toString()).isEmpty();
        assertThat(documents.get(0).path("services").size()).as("services").isEqualTo(10);
    }

    @Test
    void theComposeSchemaRefusesAMisspeltField() throws IOException {
        JsonNode misspelt = JSON.readTree("""
                {"services": {"ledger": {"image": "x", "healthcheck": {"test": ["CMD", "true"], "intervall": "5s"}}}}""");

        assertThat(messages(composeSchema().validate(misspelt))).anyMatch(m -> m.contains("intervall"));
    }

    private static JsonSchema composeSchema() throws IOException {
        JsonNode schema;
        try (InputStream in = DeployManifestsTest.class.getResourceAsStream("/deploy-schemas/compose-spec.json")) {
            schema = JSON.readTree(in);
        }
        withoutDraft4Ids(schema);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema);
    }

    @Test
    void everyKubernetesManifestFollowsTheSchemaOfItsKind() throws IOException {
        Map<String, JsonNode> modules = Map.of("apps", kubernetesSchema("kubernetes-model-apps"),
                "policy", kubernetesSchema("kubernetes-model-policy"),
                "networking", kubernetesSchema("kubernetes-model-networking"));
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        List<String> problems = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        int checked = 0;
        for (Path file : manifests()) {
            for (JsonNode document : yaml(file)) {
                String kind = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                String definition = DEFINITIONS.get(kind);
                if (definition == null) {
                    problems.add(file + ": no schema for " + kind);
                    continue;
                }
                String[] moduleAndName = definition.split(":");
                ObjectNode schema = JsonNodeFactory.instance.objectNode();
                schema.put("$ref", "#/definitions/" + moduleAndName[1]);
                schema.set("definitions", modules.get(moduleAndName[0]).get("definitions"));
                for (String message : messages(factory.getSchema(schema).validate(document))) {
                    problems.add(file.getFileName() + " " + kind + " " + document.path("metadata").path("name").asText()
                            + ": " + message);
                }
                kinds.add(kind);
                checked++;
            }
        }
        assertThat(problems).isEmpty();
        assertThat(kinds).containsAll(DEFINITIONS.keySet());
        assertThat(checked).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aStrictSchemaRefusesAMisspeltField() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("$ref", "#/definitions/kubernetes_apps_Deployment");
        schema.set("definitions", kubernetesSchema("kubernetes-model-apps").get("definitions"));
        JsonNode deployment = JSON.readTree("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "x"},
                 "spec": {"selector": {"matchLabels": {"a": "b"}}, "template": {"spec": {"containers": [
                   {"name": "x", "image": "x", "readinesProbe": {"httpGet": {"path": "/", "port": 8080}}}]}}}}""");

        assertThat(messages(factory.getSchema(schema).validate(deployment))).anyMatch(m -> m.contains("readinesProbe"));
    }

    @Test
    void everyFileAKustomizationNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DEPLOY.resolve("kubernetes"))) {
            for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                JsonNode content = yaml(kustomization).get(0);
                List<String> named = new ArrayList<>();
                content.path("resources").forEach(node -> named.add(node.asText()));
                content.path("patches").forEach(node -> named.add(node.path("path").asText()));
                content.path("secretGenerator").forEach(generator ->
                        generator.path("envs").forEach(env -> named.add(env.asText() + ".example")));
                for (String name : named) {
                    if (!Files.exists(kustomization.getParent().resolve(name))) {
                        missing.add(kustomization + " names " + name);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.walk(DEPLOY.resolve("kubernetes"))) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        }
    }

    private static List<JsonNode> yaml(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        // SnakeYAML resolves anchors, aliases and merge keys as Compose does
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new LoaderOptions()).loadAll(reader)) {
                if (document != null) {
                    documents.add(JSON.valueToTree(document));
                }
            }
        }
        return documents;
    }

    /**
     * The Kubernetes schema fabric8 generates, made strict and true to the API's wire format: objects refuse fields
     * they do not define, quantities and int-or-string values are the strings or numbers written in manifests, and
     * the generator's own annotations and old-style {@code required} flags are dropped.
     */
    private static JsonNode kubernetesSchema(String artifact) throws IOException {
        URL found = null;
        for (URL url : Collections.list(DeployManifestsTest.class.getClassLoader()
                .getResources("schema/validation-schema.json"))) {
            if (url.toString().contains("/" + artifact + "-")) {
                found = url;
            }
        }
        assertThat(found).as("schema of " + artifact).isNotNull();
        JsonNode schema;
        try (InputStream in = found.openStream()) {
            schema = JSON.readTree(in);
        }
        ObjectNode definitions = (ObjectNode) schema.get("definitions");
        definitions.fieldNames().forEachRemaining(name -> strict(definitions.get(name)));
        ObjectNode scalar = JsonNodeFactory.instance.objectNode();
        scalar.putArray("type").add("string").add("integer").add("number");
        definitions.set("k8s_io_apimachinery_pkg_api_resource_Quantity", scalar);
        definitions.set("kubernetes_apimachinery_pkg_util_intstr_IntOrString", scalar);
        return schema;
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("existingJavaType", "javaType", "javaInterfaces", "javaOmitEmpty", "javaName"));
            if (object.path("required").isBoolean()) {
                object.remove("required");
            }
            if (object.has("properties") && object.path("additionalProperties").isBoolean()) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                strict(children.next());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(DeployManifestsTest::strict);
        }
    }

    /** The published schema still names its parts with draft 4's {@code id}, which its own draft no longer knows. */
    private static void withoutDraft4Ids(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            object.elements().forEachRemaining(DeployManifestsTest::withoutDraft4Ids);
        } else if (node != null && node.isArray()) {
            node.forEach(DeployManifestsTest::withoutDraft4Ids);
        }
    }

    private static List<String> messages(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
