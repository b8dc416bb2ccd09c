package gr.solidarity.ledger.app.embedded;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;

/**
 * The event store's transactions, each answered only once what it committed is on the disk. The commit itself hands
 * the writer on at once; the wait for the disk is shared with the other commits of the moment
 * ({@link WriteAheadLogFlush}). A transaction that joined an outer one waits with the outer one's commit or rollback.
 */
final class DurableCommits implements PlatformTransactionManager {

    private final PlatformTransactionManager transactions;
    private final WriteAheadLogFlush flush;

    DurableCommits(PlatformTransactionManager transactions, WriteAheadLogFlush flush) {
        this.transactions = transactions;
        this.flush = flush;
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
        return transactions.getTransaction(definition);
    }

    @Override
    public void commit(TransactionStatus status) throws TransactionException {
        transactions.commit(status);
        if (status.isNewTransaction()) {
            flush.awaitDurable();
        }
    }

    /**
     * A refusal waits for the disk too: it may rest on another command's events, committed but not yet flushed, and
     * must not be answered before they are on the disk (it shares their flush).
     */
    @Override
    public void rollback(TransactionStatus status) throws TransactionException {
        transactions.rollback(status);
        if (status.isNewTransaction()) {
            flush.awaitDurable();
        }
    }
}
