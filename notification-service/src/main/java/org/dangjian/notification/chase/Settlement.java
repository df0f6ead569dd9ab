package org.dangjian.notification.chase;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.dangjian.notification.delivery.DeliveryStore;
import org.dangjian.notification.ledger.Ledger;
import org.dangjian.notification.ledger.OrgView;
import org.dangjian.notification.view.ViewStore;
import org.springframework.stereotype.Component;

/** Closes the notifications about an organisation whose item has arrived, and cancels their pending deliveries. */
@Component
public class Settlement {

    private final NotificationStore notifications;
    private final DeliveryStore deliveries;
    private final ViewStore views;
    private final Ledger ledger;
    private final Clock clock;

    public Settlement(NotificationStore notifications, DeliveryStore deliveries, ViewStore views, Ledger ledger,
            Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.views = views;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Returns how many notifications were closed. */
    public long closeSettled(String subjectOrgId) {
        List<NotificationDoc> unclosed = notifications.unclosedAbout(subjectOrgId);
        if (unclosed.isEmpty()) {
            return 0;
        }
        Optional<OrgView> view = views.view(subjectOrgId);
        if (view.isEmpty()) {
            return 0;
        }
        List<String> settled = unclosed.stream()
                .filter(n -> ledger.isSettled(NotificationStore.itemOf(n), view.get())).map(NotificationDoc::id)
                .toList();
        long closed = notifications.close(settled, clock.instant());
        deliveries.cancelFor(settled, clock.instant());
        return closed;
    }
}
