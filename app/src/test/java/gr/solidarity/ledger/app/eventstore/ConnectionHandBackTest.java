package gr.solidarity.ledger.app.eventstore;

import gr.solidarity.ledger.app.support.RunningLedger;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit of work that read the event store hands its connection back to the pool once, when its transaction ends, and
 * leaves it alone after that. The pool has one connection: the next borrower gets the same one, and what it opens on
 * it must stay its own. (Closing the connection a second time after the pool had lent it out again emptied the pool's
 * list of the next borrower's open statements: with two threads that list was corrupted and commands failed.)
 */
class ConnectionHandBackTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aUnitOfWorkLeavesTheConnectionAloneOnceItIsBackInThePool() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            EventStorageEngine events = ledger.bean(EventStorageEngine.class);
            DataSource dataSource = ledger.bean(DataSource.class);
            AtomicReference<Connection> nextBorrower = new AtomicReference<>();
            AtomicReference<PreparedStatement> itsStatement = new AtomicReference<>();

            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("read"));
            unitOfWork.attachTransaction(ledger.bean(TransactionManager.class));
            assertThat(events.lastSequenceNumberFor("no-such-aggregate")).isEmpty();
            unitOfWork.afterCommit(committed -> {
                try {
                    nextBorrower.set(dataSource.getConnection());
                    itsStatement.set(nextBorrower.get().prepareStatement("SELECT 1"));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            unitOfWork.commit();

            // the unit of work is cleaned up; the statement is still the next borrower's, closed with its connection
            nextBorrower.get().close();
            assertThat(itsStatement.get().isClosed()).isTrue();
        }
    }
}
