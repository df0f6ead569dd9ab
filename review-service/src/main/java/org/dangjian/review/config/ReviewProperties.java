package org.dangjian.review.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dangjian.review.*}.
 *
 * @param maxRequestBytes     request bodies above this are refused with 413
 * @param reportTimeout       how long a draft fetch from report-service may take
 * @param outboxRelayInterval how often leftover events are retried
 * @param overdueCron         when the daily overdue check runs (China time)
 */
@ConfigurationProperties("dangjian.review")
public record ReviewProperties(@DefaultValue("1048576") long maxRequestBytes,
        @DefaultValue("PT10S") Duration reportTimeout, @DefaultValue("PT10S") Duration outboxRelayInterval,
        @DefaultValue("0 15 0 * * *") String overdueCron) {
}
