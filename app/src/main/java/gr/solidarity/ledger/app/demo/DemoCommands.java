package gr.solidarity.ledger.app.demo;

import gr.solidarity.ledger.messages.common.LedgerCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.Map;
import java.util.TreeMap;

/** Sends the demonstration's commands one after the other, waiting for each, and counts them by kind. */
final class DemoCommands {

    private final CommandGateway gateway;
    private final Map<String, Integer> sentByKind = new TreeMap<>();
    private int sent;

    DemoCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** @return the handler's result: the new aggregate's id, a receipt's lots, a transfer's lots, or null */
    <R> R send(LedgerCommand command) {
        R result = gateway.sendAndWait(command);
        sent++;
        sentByKind.merge(command.getClass().getSimpleName(), 1, Integer::sum);
        return result;
    }

    int sent() {
        return sent;
    }

    Map<String, Integer> sentByKind() {
        return sentByKind;
    }
}
