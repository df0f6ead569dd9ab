package org.dangjian.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.dangjian.notification.NotificationProperties;
import org.dangjian.notification.chase.NotificationDoc;
import org.dangjian.notification.chase.NotificationStatus;
import org.dangjian.notification.chase.NotificationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives delivery from the stored queue: first queues deliveries for new notifications (per the recipient's
 * settings), then claims pending deliveries one by one and sends them under {@link DeliveryGuard}. A failure after
 * the retries parks the delivery. Every instance may run this: claims are single-document atomic.
 */
@Component
public class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final NotificationStore notifications;
    private final DeliveryStore deliveries;
    private final DeliveryGuard guard;
    private final WebhookSender webhook;
    private final EmailSender email;
    private final NotificationProperties.Delivery settings;
    private final Clock clock;

    public DeliveryDispatcher(NotificationStore notifications, DeliveryStore deliveries, DeliveryGuard guard,
            WebhookSender webhook, EmailSender email, NotificationProperties properties, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.guard = guard;
        this.webhook = webhook;
        this.email = email;
        this.settings = properties.delivery();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dangjian.notification.delivery.poll-interval}",
            initialDelayString = "${dangjian.notification.delivery.poll-interval}")
    public void poll() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("delivery poll failed, will try again: {}", e.toString());
        }
    }

    /** One round: plan, then send up to a batch. Returns how many deliveries were attempted. */
    public int runOnce() {
        plan();
        int done = 0;
        while (done < settings.batchSize()) {
            DeliveryDoc d = deliveries.claim(clock.instant(), settings.lease());
            if (d == null) {
                break;
            }
            deliver(d);
            done++;
        }
        return done;
    }

    private void plan() {
        for (NotificationDoc n : notifications.unplanned(settings.batchSize())) {
            if (n.status() != NotificationStatus.CLOSED) {
                deliveries.plan(n, deliveries.settings(n.recipientOrgId()).orElse(null), clock.instant());
            }
            notifications.markPlanned(n.id());
        }
    }

    private void deliver(DeliveryDoc d) {
        NotificationDoc n = notifications.find(d.notificationId()).orElse(null);
        Instant now = clock.instant();
        if (n == null || n.status() == NotificationStatus.CLOSED) {
            deliveries.finish(d.id(), DeliveryStatus.CANCELLED, 0, "通知已关闭", now);
            return;
        }
        AtomicInteger attempts = new AtomicInteger();
        try {
            if (d.channel() == Channel.WEBHOOK) {
                byte[] body = webhook.body(n, d.id());
                guard.run(WebhookSender.endpoint(d.target()), () -> webhook.send(d.target(), body, d.id()), attempts);
            } else {
                guard.run(EmailSender.ENDPOINT, () -> email.send(d.target(), n), attempts);
            }
            deliveries.finish(d.id(), DeliveryStatus.DELIVERED, attempts.get(), null, clock.instant());
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("delivery {} ({} to {}) parked after {} attempts: {}", d.id(), d.channel(), d.target(),
                    attempts.get(), e.toString());
            deliveries.finish(d.id(), DeliveryStatus.PARKED, attempts.get(), String.valueOf(e.getMessage()),
                    clock.instant());
        }
    }
}
