package org.dangjian.report.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * report-service settings.
 *
 * @param minYear    earliest year a report may be asked for (later bound: next year)
 * @param sseTimeout how long a live stream stays open before the client must reconnect
 * @param rebuildPollTimeout how long one poll of the rebuild reader waits
 */
@ConfigurationProperties("dangjian.report")
public record ReportProperties(Integer minYear, Duration sseTimeout, Duration rebuildPollTimeout) {

    public ReportProperties {
        minYear = minYear == null ? 2000 : minYear;
        sseTimeout = sseTimeout == null ? Duration.ofMinutes(30) : sseTimeout;
        rebuildPollTimeout = rebuildPollTimeout == null ? Duration.ofMillis(500) : rebuildPollTimeout;
    }
}
