package gr.solidarity.ledger.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Over Axon Server a query's answer is read back with only the name of the type it was asked as: a collection comes
 * back holding maps, not views. Lists are answered as arrays (see {@code Queries.arrayOf}).
 */
class QueryAnswersTest {

    @Test
    void noQueryHandlerAnswersACollection() {
        JavaClasses ledger = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("gr.solidarity.ledger");
        noMethods().that().areAnnotatedWith(QueryHandler.class)
                .should().haveRawReturnType(Iterable.class)
                .orShould().haveRawReturnType(java.util.Collection.class)
                .orShould().haveRawReturnType(java.util.List.class)
                .orShould().haveRawReturnType(java.util.Set.class)
                .because("a collection crosses Axon Server as a list of maps")
                .check(ledger);
    }
}
