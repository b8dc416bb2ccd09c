package gr.solidarity.ledger.app.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Each role brings in the modules it needs; {@code ledger.roles} lists the roles of this process. The web interface
 * runs with the query role: it reads the views there and sends its commands over the command bus.
 */
public final class Roles {

    private Roles() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${ledger.roles:command,query}'.contains('command')")
    @ComponentScan("gr.solidarity.ledger.command")
    static class CommandRole {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${ledger.roles:command,query}'.contains('query')")
    @ComponentScan({"gr.solidarity.ledger.projection", "gr.solidarity.ledger.query", "gr.solidarity.ledger.ui"})
    static class QueryRole {
    }
}
