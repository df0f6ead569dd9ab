package org.dangjian.activity.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** One in-memory mongo-java-server per test JVM, on a random port. */
public final class MongoSupport {

    private static MongoServer server;
    private static String uri;

    private MongoSupport() {
    }

    public static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            uri = "mongodb://localhost:" + address.getPort();
        }
        return uri;
    }
}
