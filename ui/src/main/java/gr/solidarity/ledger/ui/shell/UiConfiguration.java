package gr.solidarity.ledger.ui.shell;

import gr.solidarity.ledger.gateway.SignedInCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** The web interface's language, texts and way of sending commands. */
@Configuration(proxyBeanMethods = false)
public class UiConfiguration {

    /** Spring WebFlux looks the resolver up by this name. */
    @Bean(name = "localeContextResolver")
    LocaleContextResolver localeContextResolver() {
        return new LanguageCookie();
    }

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("ui/messages", "ui/people", "ui/audit", "ui/exports");
        messages.setDefaultEncoding("UTF-8");
        // Greek is the bundle without a suffix; a missing English text must never fall back to the JVM's language
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    SignedInCommands signedInCommands(CommandGateway commandGateway) {
        return new SignedInCommands(commandGateway);
    }
}
