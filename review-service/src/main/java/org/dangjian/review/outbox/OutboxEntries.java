package org.dangjian.review.outbox;

import java.nio.charset.StandardCharsets;

import org.dangjian.contracts.review.ReviewEvent;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Turns a domain event into what is stored and later published. */
@Component
public class OutboxEntries {

    private final JsonMapper json;

    public OutboxEntries(JsonMapper json) {
        this.json = json;
    }

    public OutboxEntry of(ReviewEvent event, String correlationId) {
        String body = new String(json.writeValueAsBytes(event), StandardCharsets.UTF_8);
        return new OutboxEntry(event.eventId(), event.orgId(), event.type().cloudEventType(), event.occurredAt(),
                event.orgId(), correlationId, body);
    }
}
