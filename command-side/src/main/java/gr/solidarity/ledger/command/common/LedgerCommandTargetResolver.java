package gr.solidarity.ledger.command.common;

import gr.solidarity.ledger.messages.common.LedgerCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/** Routes commands to aggregates by {@link LedgerCommand#targetId()}, so messages carry no framework annotations. */
public class LedgerCommandTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof LedgerCommand ledgerCommand) {
            String id = ledgerCommand.targetId();
            if (id == null || id.isBlank()) {
                throw CommandRefusedException.invalid("TARGET_ID_REQUIRED", "id", "the command names no target");
            }
            return new VersionedAggregateIdentifier(id, null);
        }
        throw new IllegalArgumentException("not a ledger command: " + command.getCommandName());
    }
}
