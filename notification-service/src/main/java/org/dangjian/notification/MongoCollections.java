package org.dangjian.notification;

import java.util.List;
import org.dangjian.notification.chase.NotificationDoc;
import org.dangjian.notification.delivery.DeliveryDoc;
import org.dangjian.notification.delivery.SettingsDoc;
import org.dangjian.notification.view.EventDoc;
import org.dangjian.notification.view.OrgDoc;
import org.dangjian.notification.view.RectificationDoc;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the collections at start-up, before consumers and schedulers run. The embedded mongo-java-server
 * creates a collection on first insert without a lock: two concurrent first inserts could each create one and
 * both "succeed" with the same {@code _id} (seen in the concurrent-check test). Creating them up front removes that
 * window; on real MongoDB it is harmless.
 */
@Component
public class MongoCollections {

    public MongoCollections(MongoTemplate mongo) {
        for (Class<?> type : List.of(EventDoc.class, OrgDoc.class, RectificationDoc.class, NotificationDoc.class,
                DeliveryDoc.class, SettingsDoc.class)) {
            if (!mongo.collectionExists(type)) {
                try {
                    mongo.createCollection(type);
                } catch (DataAccessException alreadyCreatedByAnotherInstance) {
                    // fine: it exists now
                }
            }
        }
        if (!mongo.collectionExists("shedLock")) {
            try {
                mongo.createCollection("shedLock");
            } catch (DataAccessException alreadyCreatedByAnotherInstance) {
                // fine
            }
        }
    }
}
