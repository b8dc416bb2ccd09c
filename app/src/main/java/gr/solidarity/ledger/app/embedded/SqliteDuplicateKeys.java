package gr.solidarity.ledger.app.embedded;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

/**
 * Two writers appending the same aggregate sequence number is how concurrent changes and reused identifiers show up,
 * and a second snapshot at the same sequence number is harmless. sqlite-jdbc reports both as error 19 without an SQL
 * state, so Axon's resolvers, which look at SQL states and vendor codes, would see neither: the extended result code
 * tells them apart from other constraint failures (a NOT NULL, a CHECK), which are not duplicates.
 */
final class SqliteDuplicateKeys implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite && isDuplicate(sqlite.getResultCode())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getNextException() instanceof SQLiteException next
                    && isDuplicate(next.getResultCode())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDuplicate(SQLiteErrorCode code) {
        return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
    }
}
