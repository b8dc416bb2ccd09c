package gr.solidarity.ledger.command.support;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.messages.common.Refusal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for fixture tests: {@code expectExceptionDetails(refusal("CODE"))}. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<Object> refusal(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof Refusal refusal && refusal.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code ").appendValue(code);
            }
        };
    }

    public static Matcher<Object> refusal(String code, Refusal.Kind kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof Refusal refusal && refusal.code().equals(code) && refusal.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a ").appendValue(kind).appendText(" refusal with code ").appendValue(code);
            }
        };
    }

    /** A refusal that names {@code field}, so that a form can show it there and a problem names it. */
    public static Matcher<Object> refusal(String code, Refusal.Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof Refusal refusal && refusal.code().equals(code) && refusal.kind() == kind
                        && refusal.fields().stream().anyMatch(problem -> problem.field().equals(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a ").appendValue(kind).appendText(" refusal with code ").appendValue(code)
                        .appendText(" naming the field ").appendValue(field);
            }
        };
    }

    public static Class<CommandRefusedException> refused() {
        return CommandRefusedException.class;
    }
}
