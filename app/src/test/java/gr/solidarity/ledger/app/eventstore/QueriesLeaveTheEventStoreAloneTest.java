package gr.solidarity.ledger.app.eventstore;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserAccount;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserAccountView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded event store has one writer connection, which commands queue for. A query of a view reads MongoDB only,
 * so it must not take that connection: were it to, every query would wait behind a long command, and every command
 * behind every query.
 */
class QueriesLeaveTheEventStoreAloneTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aQueryIsAnsweredWhileTheEventStoresOnlyConnectionIsBusy() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            QueryGateway queries = ledger.bean(QueryGateway.class);
            FindUserAccount administrator = new FindUserAccount(Identities.ADMIN);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (find(queries, administrator).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            try (Connection busy = ledger.bean(DataSource.class).getConnection()) {
                busy.setAutoCommit(false);
                assertThat(find(queries, administrator)).isPresent();
                busy.rollback();
            }
        }
    }

    private static Optional<UserAccountView> find(QueryGateway queries, FindUserAccount query) throws Exception {
        return queries.query(query, ResponseTypes.optionalInstanceOf(UserAccountView.class)).get(10, TimeUnit.SECONDS);
    }
}
