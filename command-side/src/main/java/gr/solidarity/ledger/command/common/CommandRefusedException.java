package gr.solidarity.ledger.command.common;

import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.common.Refusal.FieldProblem;
import org.axonframework.commandhandling.CommandExecutionException;

import java.util.List;

/**
 * A command was refused and nothing happened. It extends {@link CommandExecutionException} and carries the
 * {@link Refusal} as details because a distributed command bus transports only the message and the details.
 */
public class CommandRefusedException extends CommandExecutionException {

    public CommandRefusedException(Refusal refusal) {
        super(refusal.message(), null, refusal);
    }

    public Refusal refusal() {
        return (Refusal) getDetails().orElseThrow();
    }

    public static CommandRefusedException invalid(String code, String field, String message) {
        return new CommandRefusedException(
                new Refusal(code, Refusal.Kind.INVALID, message, List.of(new FieldProblem(field, message))));
    }

    public static CommandRefusedException invalid(String code, String message, List<FieldProblem> fields) {
        return new CommandRefusedException(new Refusal(code, Refusal.Kind.INVALID, message, fields));
    }

    public static CommandRefusedException notFound(String code, String message) {
        return new CommandRefusedException(new Refusal(code, Refusal.Kind.NOT_FOUND, message));
    }

    public static CommandRefusedException notFound(String code, String field, String message) {
        return new CommandRefusedException(
                new Refusal(code, Refusal.Kind.NOT_FOUND, message, List.of(new FieldProblem(field, message))));
    }

    public static CommandRefusedException conflict(String code, String message) {
        return new CommandRefusedException(new Refusal(code, Refusal.Kind.CONFLICT, message));
    }

    public static CommandRefusedException ruleViolated(String code, String message) {
        return new CommandRefusedException(new Refusal(code, Refusal.Kind.RULE_VIOLATED, message));
    }

    public static CommandRefusedException ruleViolated(String code, String field, String message) {
        return new CommandRefusedException(
                new Refusal(code, Refusal.Kind.RULE_VIOLATED, message, List.of(new FieldProblem(field, message))));
    }

    public static CommandRefusedException forbidden(String code, String message) {
        return new CommandRefusedException(new Refusal(code, Refusal.Kind.FORBIDDEN, message));
    }
}
