package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend commits its MVStore in the background about once a second and ignores write concern,
 * so a killed process loses writes that were already acknowledged. Committing before every reply closes that window:
 * what the driver saw acknowledged is in the file. (The commit is not fsynced; power loss needs a real MongoDB.)
 */
final class CommitBeforeReplyH2Backend extends H2Backend {

    private final MVStore store;

    CommitBeforeReplyH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return super.handleMessage(message);
        } finally {
            commitIfChanged();
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commitIfChanged();
        }
    }

    private void commitIfChanged() {
        if (!store.isClosed() && store.hasUnsavedChanges()) {
            store.commit();
        }
    }
}
