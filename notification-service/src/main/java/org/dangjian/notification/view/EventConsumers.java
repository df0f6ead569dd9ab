package org.dangjian.notification.view;

import java.util.function.Consumer;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.contracts.review.ReviewEvent;
import org.dangjian.notification.chase.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka consumers (Spring Cloud Stream functions, group {@code notification-service}). Each reads the JSON itself.
 * An unreadable record is logged and skipped (it would block its partition for ever); a store failure is thrown so
 * the binder redelivers. After an activity or a rectification change, open reminders that it settles are closed.
 */
@Configuration(proxyBeanMethods = false)
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    @Bean
    Consumer<Message<byte[]>> activities(JsonMapper json, ViewStore views, Settlement settlement) {
        return message -> {
            ActivityEvent event = read(json, message, ActivityEvent.class);
            if (event == null || event.eventId() == null || event.orgId() == null || event.type() == null
                    || event.occurredAt() == null) {
                return;
            }
            try {
                if (views.saveEvent(event)) {
                    settlement.closeSettled(event.orgId());
                }
            } catch (IllegalArgumentException | JacksonException bad) {
                log.warn("skipping activity event {} with an unreadable payload: {}", event.eventId(), bad.toString());
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> orgs(JsonMapper json, ViewStore views) {
        return message -> {
            OrgState state = read(json, message, OrgState.class);
            if (state != null && state.orgId() != null) {
                views.saveOrg(state);
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> reviews(JsonMapper json, ViewStore views, Settlement settlement) {
        return message -> {
            ReviewEvent event = read(json, message, ReviewEvent.class);
            if (event == null || event.type() == null || event.rectification() == null || event.orgId() == null) {
                return;
            }
            views.saveRectification(event);
            settlement.closeSettled(event.orgId());
        };
    }

    private static <T> T read(JsonMapper json, Message<byte[]> message, Class<T> type) {
        byte[] payload = message.getPayload();
        if (payload == null || payload.length == 0) {
            return null; // a tombstone on the compacted topic
        }
        try {
            return json.readValue(payload, type);
        } catch (JacksonException bad) {
            log.warn("skipping unreadable {} record: {}", type.getSimpleName(), bad.getOriginalMessage());
            return null;
        }
    }
}
