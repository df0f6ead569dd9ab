package org.dangjian.activity.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Typed settings of activity-service ({@code dangjian.activity.*} in application.yml). */
@ConfigurationProperties("dangjian.activity")
public record ActivityProperties(
        @DefaultValue("/activity-service") String source,
        @DefaultValue("1048576") long maxBodyBytes,
        @DefaultValue("2097152") long maxBatchBodyBytes,
        @DefaultValue("1000") int maxBatchSize,
        @DefaultValue("5m") Duration clockSkew,
        @DefaultValue Publish publish) {

    /** How the outbox is published to Kafka. */
    public record Publish(
            @DefaultValue("4") int lanes,
            @DefaultValue("20000") int laneQueueCapacity,
            @DefaultValue("1s") Duration relayInterval,
            @DefaultValue("5s") Duration relayGrace,
            @DefaultValue("30s") Duration fullSweepInterval,
            @DefaultValue("200ms") Duration markFlushInterval,
            @DefaultValue("2") int retryAttempts,
            @DefaultValue("200ms") Duration retryWait,
            @DefaultValue("10") int breakerWindow,
            @DefaultValue("4") int breakerMinimumCalls,
            @DefaultValue("50") float breakerFailureRate,
            @DefaultValue("3s") Duration breakerOpenWait) {
    }
}
