package org.dangjian.notification.chase;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The daily chase. ShedLock on MongoDB makes sure only one instance runs it at a time. */
@Component
public class ChaseScheduler {

    public static final String LOCK_NAME = "notification-chase";

    private final ChaseService chase;

    public ChaseScheduler(ChaseService chase) {
        this.chase = chase;
    }

    @Scheduled(cron = "${dangjian.notification.chase.cron}", zone = "Asia/Shanghai")
    @SchedulerLock(name = LOCK_NAME, lockAtMostFor = "${dangjian.notification.chase.lock-at-most-for}",
            lockAtLeastFor = "PT5S")
    public void daily() {
        chase.check(chase.today());
    }
}
