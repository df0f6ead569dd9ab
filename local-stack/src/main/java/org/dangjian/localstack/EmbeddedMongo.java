package org.dangjian.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire server (mongo-java-server) whose data lives in one H2 MVStore file in the data directory.
 * It has no sessions or transactions; the services are written for single-document atomicity anyway.
 */
final class EmbeddedMongo implements AutoCloseable {

    /** MVStore commits in the background; keep the window a write can be lost in on a crash short. */
    private static final int AUTO_COMMIT_DELAY_MS = 100;

    private final MongoServer server;
    private final H2Backend backend;

    private EmbeddedMongo(MongoServer server, H2Backend backend) {
        this.server = server;
        this.backend = backend;
    }

    static EmbeddedMongo start(Path dir, int port) throws Exception {
        Files.createDirectories(dir);
        MVStore store = new MVStore.Builder().fileName(dir.resolve("mongo.mv").toString()).open();
        store.setAutoCommitDelay(AUTO_COMMIT_DELAY_MS);
        H2Backend backend = new H2Backend(store);
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        return new EmbeddedMongo(server, backend);
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }
}
