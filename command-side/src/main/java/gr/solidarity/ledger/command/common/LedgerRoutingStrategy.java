package gr.solidarity.ledger.command.common;

import gr.solidarity.ledger.messages.common.LedgerCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.distributed.RoutingStrategy;

/**
 * On a distributed command bus, commands for the same aggregate go to the same node, which keeps the in-process
 * aggregate lock meaningful and caches warm.
 */
public class LedgerRoutingStrategy implements RoutingStrategy {

    @Override
    public String getRoutingKey(CommandMessage<?> command) {
        if (command.getPayload() instanceof LedgerCommand ledgerCommand && ledgerCommand.targetId() != null) {
            return ledgerCommand.targetId();
        }
        return command.getIdentifier();
    }
}
