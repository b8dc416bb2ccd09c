package gr.solidarity.ledger.command.web;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.queryhandling.NoHandlerForQueryException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Failures that say nothing about the request and everything about the ledger's stores or its message routing being
 * out of reach for now: Axon Server down or restarting, no process connected that handles the message, the event
 * store's or MongoDB's connections failing. They are answered 503 with {@code Retry-After}: the same request may
 * succeed in a moment.
 */
public final class StoresUnavailable {

    public static final String CODE = "SERVICE_UNAVAILABLE";

    private static final Set<Status.Code> UNREACHABLE = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);

    private StoresUnavailable() {
    }

    public static boolean isUnavailable(Throwable error) {
        int depth = 0;
        for (Throwable cause = error; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof AxonServerException
                    || cause instanceof io.axoniq.axonserver.connector.AxonServerException
                    || cause instanceof CommandDispatchException
                    || cause instanceof NoHandlerForCommandException
                    || cause instanceof NoHandlerForQueryException
                    || isA(cause, "org.springframework.transaction.CannotCreateTransactionException")
                    || isA(cause, "org.springframework.dao.DataAccessResourceFailureException")
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || isA(cause, "com.mongodb.MongoTimeoutException")
                    || isA(cause, "com.mongodb.MongoSocketException")
                    || cause instanceof StatusRuntimeException grpc && UNREACHABLE.contains(grpc.getStatus().getCode())) {
                return true;
            }
        }
        return false;
    }

    /** By name, for libraries this module does not itself depend on (the MongoDB driver, Spring's data access). */
    private static boolean isA(Throwable error, String className) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
