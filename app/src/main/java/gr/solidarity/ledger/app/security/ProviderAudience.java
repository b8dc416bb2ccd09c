package gr.solidarity.ledger.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A region's identity provider issues tokens to many applications; a token issued to another one must not open the
 * ledger. The audience check itself is Spring Security's, on {@code spring.security.oauth2.resourceserver.jwt.audiences};
 * with {@code ledger.security.require-audience} (set in production) the ledger does not start without it.
 */
@Component
@ConditionalOnExpression("'${ledger.security.identity:local}'.equalsIgnoreCase('oidc') "
        + "and '${ledger.security.require-audience:false}'.equalsIgnoreCase('true')")
class ProviderAudience {

    static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    ProviderAudience(Environment environment) {
        List<String> audiences = Binder.get(environment).bind(AUDIENCES, Bindable.listOf(String.class))
                .orElse(List.of()).stream().filter(audience -> !audience.isBlank()).toList();
        if (audiences.isEmpty()) {
            throw new IllegalStateException("ledger.security.require-audience is set, so the ledger accepts only tokens "
                    + "issued to it: set " + AUDIENCES + " (LEDGER_TOKEN_AUDIENCE) to the ledger's client id at the "
                    + "identity provider");
        }
    }
}
