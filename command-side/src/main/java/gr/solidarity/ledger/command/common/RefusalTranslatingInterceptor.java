package gr.solidarity.ledger.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * A command addressed to a record that does not exist is a refusal like any other. Translating it where the command
 * is handled lets the code travel in the exception's details, which is all a distributed command bus carries.
 */
public class RefusalTranslatingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String NOT_FOUND = "NOT_FOUND";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (AggregateNotFoundException missing) {
            throw noSuchRecord(missing.getAggregateIdentifier());
        }
    }

    /** The refusal for a record that does not exist, also given where a record must look as if it did not. */
    public static CommandRefusedException noSuchRecord(Object id) {
        return CommandRefusedException.notFound(NOT_FOUND, "no such record: " + id);
    }
}
