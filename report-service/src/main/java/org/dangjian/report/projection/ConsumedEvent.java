package org.dangjian.report.projection;

import org.dangjian.contracts.activity.ActivityEvent;

/**
 * An activity event with where it was read from.
 *
 * @param topicKey the topic's incarnation (its topic id, or cluster id + name): offsets mean nothing across
 *                 incarnations
 */
public record ConsumedEvent(String topicKey, int partition, long offset, ActivityEvent event) {

    public String offsetKey() {
        return Keys.safe(topicKey + ":" + partition);
    }
}
