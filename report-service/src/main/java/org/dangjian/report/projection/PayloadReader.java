package org.dangjian.report.projection;

import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityPayload;

/** Reads an event's JSON payload as its typed record ({@link org.dangjian.contracts.activity.ActivityType#payloadType()}). */
@FunctionalInterface
public interface PayloadReader {

    ActivityPayload read(ActivityEvent event);
}
