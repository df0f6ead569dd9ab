package org.dangjian.notification;

import java.time.Duration;
import org.dangjian.notification.ledger.ChaseRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the service ({@code dangjian.notification.*} in application.yml).
 *
 * @param chase    when reminders, notices and escalations are due
 * @param delivery how notifications leave the inbox (webhook, e-mail)
 */
@ConfigurationProperties("dangjian.notification")
public record NotificationProperties(Chase chase, Delivery delivery) {

    /**
     * @param cron                   when the scheduled check runs (Asia/Shanghai)
     * @param reminderDaysBefore     the reminder goes out this many days before a deadline
     * @param graceDays              after the deadline plus this many days the parent organisation is told
     * @param lookbackDays           meeting periods whose deadline is older than this are no longer chased
     * @param duesWarningMonths      months without dues before the branch is warned
     * @param duesFinalWarningMonths months without dues before branch and parent are warned of 自行脱党
     * @param lockAtMostFor          ShedLock safety net if an instance dies holding the lock
     */
    public record Chase(String cron, int reminderDaysBefore, int graceDays, int lookbackDays, int duesWarningMonths,
            int duesFinalWarningMonths, Duration lockAtMostFor) {

        public ChaseRules rules() {
            return new ChaseRules(reminderDaysBefore, graceDays, lookbackDays, duesWarningMonths,
                    duesFinalWarningMonths);
        }
    }

    /**
     * @param pollInterval  how often the stored delivery queue is polled
     * @param batchSize     deliveries claimed per poll
     * @param lease         a claimed delivery is retried by any instance once its lease ran out (crash safety)
     * @param webhookSecret HMAC-SHA256 key for {@code X-Dangjian-Signature}
     * @param mailFrom      sender address of e-mails
     * @param httpTimeout   connect and request timeout of webhook calls
     * @param retry         attempts and backoff per delivery
     * @param breaker       circuit breaker per endpoint
     */
    public record Delivery(Duration pollInterval, int batchSize, Duration lease, String webhookSecret,
            String mailFrom, Duration httpTimeout, Retry retry, Breaker breaker) {
    }

    /**
     * @param maxAttempts     attempts in all, the first included
     * @param initialBackoff  wait before the second attempt
     * @param multiplier      exponential backoff factor
     */
    public record Retry(int maxAttempts, Duration initialBackoff, double multiplier) {
    }

    /**
     * @param failureRateThreshold percent of failed calls that opens the breaker
     * @param minimumCalls         calls before the failure rate counts
     * @param windowSize           calls in the sliding window
     * @param openFor              how long an open breaker rejects calls before trying again
     */
    public record Breaker(float failureRateThreshold, int minimumCalls, int windowSize, Duration openFor) {
    }
}
