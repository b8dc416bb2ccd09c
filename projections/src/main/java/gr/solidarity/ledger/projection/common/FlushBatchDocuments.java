package gr.solidarity.ledger.projection.common;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Sends the {@link BatchDocuments} of a batch once its last event is handled, which is before the processor stores its
 * token (see {@link BatchDocuments} for why the prepare-commit phase is too late). Register it as a handler interceptor
 * of every event processor whose handlers use {@link BatchDocuments}.
 */
public final class FlushBatchDocuments implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        Object result = interceptorChain.proceed();
        // a nested unit of work is not the end of anything: its root's commit flushes
        boolean endOfBatch = unitOfWork.parent().isEmpty()
                && (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage());
        if (endOfBatch) {
            BatchDocuments.flushAll(unitOfWork);
        }
        return result;
    }
}
