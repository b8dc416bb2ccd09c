package gr.solidarity.ledger.ui.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the interface exists in Greek and in English: the two bundles have the same keys, none empty, and
 * every key a template or a controller names is in them. A page can then switch language without a text left behind.
 */
class MessageBundlesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z]+\\.[a-zA-Z.]+)[}(]");
    private static final Pattern SOURCE_KEY = Pattern.compile("\"((?:nav|refusal|allocate|done|dashboard)\\.[A-Za-z_.]+)\"");
    /** Keys built at run time from an enum's names or a code; the prefixes are checked against the enums below. */
    private static final Pattern DYNAMIC = Pattern.compile("'(priority|structure|unit|role|state|step|done|refusal|kind|orgStatus|reason|organisations\\.done|dashboard\\.chartEmpty)\\.'");

    /** Each bundle's basename: every one has a Greek file and an English one. */
    private static final String[] BASENAMES = {"messages", "people", "audit", "exports"};

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        if (name.startsWith("messages")) {
            for (String basename : BASENAMES) {
                Properties more = one(name.replace("messages", basename));
                // a key in two bundles would show whichever the message source finds first
                assertThat(more.keySet()).as("keys of %s also in another bundle", basename)
                        .filteredOn(properties::containsKey).isEmpty();
                properties.putAll(more);
            }
            return properties;
        }
        return one(name);
    }

    private static Properties one(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/ui/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void greekAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties greek = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        assertThat(new TreeSet<>(english.stringPropertyNames())).isEqualTo(new TreeSet<>(greek.stringPropertyNames()));
        for (Properties bundle : new Properties[]{greek, english}) {
            bundle.forEach((key, text) -> assertThat(text.toString()).as(key.toString()).isNotBlank());
        }
        english.forEach((key, text) -> {
            if (!key.toString().startsWith("unit.") && !key.toString().startsWith("refusal.INVALID_ADA")) {
                assertThat(text.toString()).as("English text of %s is not Greek", key)
                        .doesNotContainPattern("[α-ωΑ-Ω]{4,}");
            }
        });
    }

    @Test
    void everyKeyThePagesAndControllersNameIsInTheBundles() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher key = TEMPLATE_KEY.matcher(Files.readString(file));
                while (key.find()) {
                    named.add(key.group(1));
                }
            }
        }
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher key = SOURCE_KEY.matcher(Files.readString(file));
                while (key.find()) {
                    named.add(key.group(1));
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(100);
        assertThat(keys).containsAll(named);
    }

    @Test
    void everyValueOfAnEnumThePagesNameHasItsText() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        check(keys, "priority.", gr.solidarity.ledger.messages.need.NeedPriority.values());
        check(keys, "structure.", gr.solidarity.ledger.messages.organisation.RecipientStructureType.values());
        check(keys, "unit.", gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.values());
        check(keys, "role.", gr.solidarity.ledger.messages.identity.Role.values());
        check(keys, "state.", gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationState.values());
        check(keys, "step.", gr.solidarity.ledger.messages.allocation.AllocationQueries.AllocationStep.values());
        check(keys, "category.", gr.solidarity.ledger.messages.catalogue.ItemCategory.values());
        check(keys, "kind.", gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationKind.values());
        check(keys, "reason.", gr.solidarity.ledger.messages.stock.AdjustmentReason.values());
        check(keys, "projections.state.", gr.solidarity.ledger.messages.operations.ProjectionQueries.ProjectionState.values());
        check(keys, "orgStatus.", gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationStatus.values());
        for (String done : new String[]{"proposed", "approved", "rejected", "dispatched", "received"}) {
            assertThat(keys).contains("done." + done);
        }
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                Matcher prefix = DYNAMIC.matcher(Files.readString(file));
                while (prefix.find()) {
                    String wanted = prefix.group(1) + ".";
                    assertThat(keys.stream().anyMatch(key -> key.startsWith(wanted))).as(wanted).isTrue();
                }
            }
        }
    }

    private static void check(Set<String> keys, String prefix, Enum<?>... values) {
        for (Enum<?> value : values) {
            assertThat(keys).as("text of %s", value).contains(prefix + value.name());
        }
    }
}
