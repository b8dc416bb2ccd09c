package gr.solidarity.ledger.ui.shell;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.common.Refusal;
import org.springframework.context.MessageSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What was wrong with a form, in the page's language: each refusal code has a Greek and an English text, shown next
 * to the field the refusal names, or above the form when it names none.
 */
public final class FormErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /** The refusal carried by a failed command, or a general failure when the command failed for another reason. */
    public static FormErrors of(Throwable error, MessageSource messages, Locale locale) {
        return of(error, messages, locale, java.util.function.UnaryOperator.identity());
    }

    /** @param fieldOnPage the form's name of a field the refusal names */
    public static FormErrors of(Throwable error, MessageSource messages, Locale locale,
                                java.util.function.UnaryOperator<String> fieldOnPage) {
        FormErrors errors = new FormErrors();
        Refusal refusal = SignedInCommands.refusalOf(error).orElse(null);
        if (refusal == null) {
            errors.general.add(messages.getMessage("refusal.COMMAND_FAILED", null, locale));
            return errors;
        }
        errors.add(refusal, messages, locale, fieldOnPage);
        return errors;
    }

    public FormErrors add(Refusal refusal, MessageSource messages, Locale locale,
                          java.util.function.UnaryOperator<String> fieldOnPage) {
        String text = messages.getMessage("refusal." + refusal.code(), null, refusal.message(), locale);
        if (refusal.fields().isEmpty()) {
            general.add(text);
        } else {
            for (Refusal.FieldProblem problem : refusal.fields()) {
                fields.merge(fieldOnPage.apply(problem.field()), text, (a, b) -> a);
            }
        }
        return this;
    }

    public FormErrors field(String field, String text) {
        fields.merge(field, text, (a, b) -> a);
        return this;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String of(String field) {
        return fields.get(field);
    }

    public List<String> general() {
        return general;
    }

    /** Messages about fields the form does not show are shown above it, so none is lost. */
    public List<String> generalAndUnshown(java.util.Collection<String> shown) {
        List<String> all = new ArrayList<>(general);
        fields.forEach((field, text) -> {
            if (!shown.contains(field)) {
                all.add(text);
            }
        });
        return all;
    }

    public boolean any() {
        return !fields.isEmpty() || !general.isEmpty();
    }
}
