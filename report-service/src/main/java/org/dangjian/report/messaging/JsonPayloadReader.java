package org.dangjian.report.messaging;

import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityPayload;
import org.dangjian.report.projection.PayloadReader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads the payload map of an event as its typed record with Spring's JsonMapper. */
@Component
public class JsonPayloadReader implements PayloadReader {

    private final JsonMapper json;

    public JsonPayloadReader(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ActivityPayload read(ActivityEvent event) {
        return json.convertValue(event.payload(), event.type().payloadType());
    }
}
