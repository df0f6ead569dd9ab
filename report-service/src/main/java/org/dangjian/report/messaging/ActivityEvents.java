package org.dangjian.report.messaging;

import java.util.ArrayList;
import java.util.List;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.report.projection.ConsumedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns record values into {@link ConsumedEvent}s; a record that is not an ActivityEvent is logged and skipped. */
@Component
public class ActivityEvents {

    private static final Logger log = LoggerFactory.getLogger(ActivityEvents.class);

    private final JsonMapper json;

    public ActivityEvents(JsonMapper json) {
        this.json = json;
    }

    public void add(List<ConsumedEvent> out, String topicKey, int partition, long offset, byte[] value) {
        if (value == null) {
            return;
        }
        try {
            ActivityEvent e = json.readValue(value, ActivityEvent.class);
            if (e.eventId() == null || e.orgId() == null || e.type() == null || e.occurredAt() == null) {
                log.warn("Skipping incomplete activity event at {}@{}", partition, offset);
                return;
            }
            out.add(new ConsumedEvent(topicKey, partition, offset, e));
        } catch (RuntimeException ex) {
            log.warn("Skipping unreadable activity record at {}@{}: {}", partition, offset, ex.toString());
        }
    }

    public List<ConsumedEvent> newList(int size) {
        return new ArrayList<>(size);
    }
}
