package org.dangjian.notification.chase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.notification.ledger.Due;
import org.dangjian.notification.ledger.Ledger;
import org.dangjian.notification.view.OrgDoc;
import org.dangjian.notification.view.ViewStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The chase: for every organisation, asks the ledger what should have been notified as of a day and inserts what
 * is not there yet (insert-if-absent on item + stage + recipient, so a re-run or a concurrent run creates nothing
 * twice), then closes what has been settled.
 */
@Service
public class ChaseService {

    private static final Logger log = LoggerFactory.getLogger(ChaseService.class);

    private final ViewStore views;
    private final NotificationStore notifications;
    private final Settlement settlement;
    private final Ledger ledger;
    private final Clock clock;

    public ChaseService(ViewStore views, NotificationStore notifications, Settlement settlement, Ledger ledger,
            Clock clock) {
        this.views = views;
        this.notifications = notifications;
        this.settlement = settlement;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Today in Asia/Shanghai, by the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CloudEventHeaders.CHINA));
    }

    public CheckResult check(LocalDate asOf) {
        Instant now = clock.instant();
        List<OrgDoc> orgs = views.orgs();
        Map<String, List<String>> paths = new HashMap<>();
        int created = 0;
        long closed = 0;
        long reopened = 0;
        for (OrgDoc org : orgs) {
            List<Due> dues = ledger.outstanding(views.view(org), asOf);
            if (!dues.isEmpty()) {
                Map<String, NotificationStatus> existing = notifications.statusesAbout(org.id());
                Map<String, NotificationDoc> fresh = new LinkedHashMap<>();
                Set<String> owedAgain = new HashSet<>();
                for (Due due : dues) {
                    String id = NotificationStore.idOf(due.key());
                    NotificationStatus status = existing.get(id);
                    if (status == null) {
                        List<String> path = paths.computeIfAbsent(due.recipientOrgId(), views::pathOf);
                        fresh.putIfAbsent(id, NotificationStore.toDoc(due, path, asOf, now));
                    } else if (status == NotificationStatus.CLOSED) {
                        owedAgain.add(id);
                    }
                }
                created += notifications.insertAbsent(fresh.values());
                reopened += notifications.reopen(owedAgain);
            }
            // Re-reads the view: an item may have arrived while this check was computing.
            closed += settlement.closeSettled(org.id());
        }
        log.info("chase as of {}: {} organisations, {} notifications created, {} closed, {} reopened", asOf,
                orgs.size(), created, closed, reopened);
        return new CheckResult(asOf, orgs.size(), created, closed, reopened);
    }
}
