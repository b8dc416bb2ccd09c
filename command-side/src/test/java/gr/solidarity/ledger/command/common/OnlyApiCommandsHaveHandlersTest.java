package gr.solidarity.ledger.command.common;

import gr.solidarity.ledger.messages.common.LedgerCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Executable;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command handler of the command side handles a command of the API (a {@link LedgerCommand} record in
 * {@code messages}), and every such command has one. What an aggregate asks of another within one decision is a method
 * call, so nothing a client of a shared bus sends can reserve stock or claim a need on its own.
 */
class OnlyApiCommandsHaveHandlersTest {

    @Test
    void theCommandHandlersAreExactlyThoseOfTheApiCommands() {
        Set<String> handled = new TreeSet<>();
        for (Class<?> type : classes("gr.solidarity.ledger.command", new RegexPatternTypeFilter(Pattern.compile(".*")))) {
            if (isTestCode(type)) {
                continue; // fixtures' helpers that call aggregate methods; they exist on no application bus
            }
            Stream.<Executable>concat(Stream.of(type.getDeclaredMethods()), Stream.of(type.getDeclaredConstructors()))
                    .filter(member -> member.isAnnotationPresent(CommandHandler.class))
                    .forEach(member -> handled.add(member.getParameterTypes()[0].getName()));
        }
        Set<String> api = new TreeSet<>();
        classes("gr.solidarity.ledger.messages", new AssignableTypeFilter(LedgerCommand.class))
                .forEach(type -> api.add(type.getName()));

        assertThat(api).isNotEmpty();
        assertThat(handled).isEqualTo(api);
    }

    private static boolean isTestCode(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
    }

    private static Set<Class<?>> classes(String basePackage,
                                         org.springframework.core.type.filter.TypeFilter filter) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(filter);
        Set<Class<?>> types = new java.util.HashSet<>();
        for (var candidate : scanner.findCandidateComponents(basePackage)) {
            try {
                types.add(ClassUtils.forName(candidate.getBeanClassName(), OnlyApiCommandsHaveHandlersTest.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return types;
    }
}
