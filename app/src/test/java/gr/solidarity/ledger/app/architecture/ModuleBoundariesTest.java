package gr.solidarity.ledger.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The modules talk only through the published language in {@code messages}. */
class ModuleBoundariesTest {

    static JavaClasses ledger;

    @BeforeAll
    static void importClasses() {
        ledger = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("gr.solidarity.ledger");
    }

    @Test
    void messagesDependOnTheJdkOnly() {
        classes().that().resideInAPackage("gr.solidarity.ledger.messages..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("gr.solidarity.ledger.messages..", "java..")
                .check(ledger);
    }

    @Test
    void commandSideNeverDependsOnProjectionsQuerySideUiOrApp() {
        noClasses().that().resideInAPackage("gr.solidarity.ledger.command..")
                .should().dependOnClassesThat().resideInAnyPackage("gr.solidarity.ledger.projection..",
                        "gr.solidarity.ledger.query..", "gr.solidarity.ledger.ui..", "gr.solidarity.ledger.app..")
                .check(ledger);
    }

    @Test
    void projectionsNeverDependOnCommandSideQuerySideUiOrApp() {
        noClasses().that().resideInAPackage("gr.solidarity.ledger.projection..")
                .should().dependOnClassesThat().resideInAnyPackage("gr.solidarity.ledger.command..",
                        "gr.solidarity.ledger.query..", "gr.solidarity.ledger.ui..", "gr.solidarity.ledger.app..")
                .check(ledger);
    }

    @Test
    void querySideNeverDependsOnCommandSideProjectionsUiOrApp() {
        noClasses().that().resideInAPackage("gr.solidarity.ledger.query..")
                .should().dependOnClassesThat().resideInAnyPackage("gr.solidarity.ledger.command..",
                        "gr.solidarity.ledger.projection..", "gr.solidarity.ledger.ui..", "gr.solidarity.ledger.app..")
                .check(ledger);
    }

    @Test
    void theWebInterfaceDependsOnTheMessagesAndAxonsGatewaysOnly() {
        noClasses().that().resideInAPackage("gr.solidarity.ledger.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("gr.solidarity.ledger.command..",
                        "gr.solidarity.ledger.projection..", "gr.solidarity.ledger.query..", "gr.solidarity.ledger.app..",
                        "org.axonframework.eventsourcing..", "org.axonframework.modelling..",
                        "org.springframework.data..", "com.mongodb..", "org.bson..")
                .check(ledger);
    }

    @Test
    void theGatewayDependsOnTheMessagesAxonAndReactorOnly() {
        classes().that().resideInAPackage("gr.solidarity.ledger.gateway..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("gr.solidarity.ledger.gateway..",
                        "gr.solidarity.ledger.messages..", "org.axonframework.commandhandling..",
                        "org.axonframework.messaging..", "reactor..", "java..")
                .check(ledger);
    }

    @Test
    void nothingButTheApplicationDependsOnTheWebInterface() {
        noClasses().that().resideOutsideOfPackages("gr.solidarity.ledger.ui..", "gr.solidarity.ledger.app..")
                .should().dependOnClassesThat().resideInAPackage("gr.solidarity.ledger.ui..")
                .check(ledger);
    }

    @Test
    void commandSideFeaturesHaveNoCycles() {
        slices().matching("gr.solidarity.ledger.command.(*)..").should().beFreeOfCycles().check(ledger);
    }
}
