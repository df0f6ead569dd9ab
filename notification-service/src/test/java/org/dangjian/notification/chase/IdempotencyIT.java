package org.dangjian.notification.chase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.org.Frequency;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.org.Requirement;
import org.dangjian.notification.AbstractIT;
import org.dangjian.notification.delivery.DeliveryDoc;
import org.dangjian.notification.delivery.DeliveryStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;

/** Re-running the check, running it concurrently, or on two instances sharing ShedLock: each reminder once. */
class IdempotencyIT extends AbstractIT {

    private static final LocalDate AS_OF = LocalDate.of(2026, 4, 26);
    /** Jan, Feb, Mar × (支委会, 主题党日) × (OVERDUE to the branch, ESCALATED to the parent). */
    private static final int EXPECTED = 12;

    @Autowired
    private ChaseService chase;

    private final MockWebServer hook = new MockWebServer();
    private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void branchThatHeldNothing() throws Exception {
        hook.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                received.add(request.getHeaders().get("X-Dangjian-Delivery"));
                return new MockResponse.Builder().code(200).build();
            }
        });
        hook.start();
        Policy policy = new Policy(List.of(new Requirement(MeetingType.BRANCH_COMMITTEE, Frequency.MONTHLY, 1),
                new Requirement(MeetingType.THEME_PARTY_DAY, Frequency.MONTHLY, 1)), 10, null, false, 1);
        publishOrg("c-idem", "机关党委", OrgType.COMMITTEE, null, List.of(), policy, LocalDate.of(2026, 1, 1));
        publishOrg("b-idem", "第二支部", OrgType.BRANCH, "c-idem", List.of("c-idem"), policy, LocalDate.of(2026, 1, 1));
        awaitOrg("c-idem");
        awaitOrg("b-idem");
        var put = http(HttpMethod.PUT, "/api/notifications/settings/b-idem",
                Map.of("webhookUrl", hook.url("/hook").toString(), "emails", List.of()));
        assertThat(put.status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        hook.close();
    }

    private long notifications() {
        return mongo.count(new Query(), NotificationDoc.class);
    }

    @Test
    void theSameCheckTwiceChangesNothing() {
        assertThat(check(AS_OF.toString()).body().get("created").asInt()).isEqualTo(EXPECTED);
        assertThat(check(AS_OF.toString()).body().get("created").asInt()).isZero();
        assertThat(notifications()).isEqualTo(EXPECTED);
        awaitBranchDeliveriesOnce();
    }

    @Test
    void twoChecksAtOnceCreateEachReminderOnce() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<CheckResult>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return chase.check(AS_OF);
                }, pool));
            }
            int created = 0;
            for (var run : runs) {
                created += run.get(30, TimeUnit.SECONDS).created();
            }
            assertThat(notifications()).isEqualTo(EXPECTED);
            assertThat(created).isEqualTo(EXPECTED);
        } finally {
            pool.shutdownNow();
        }
        assertThat(notifications()).isEqualTo(EXPECTED);
        awaitBranchDeliveriesOnce();
    }

    @Test
    void twoSchedulerInstancesSharingShedLockRunTheChaseOnce() throws Throwable {
        // Two instances: two lock providers on the same MongoDB collection.
        LockingTaskExecutor first = new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb()));
        LockingTaskExecutor second = new DefaultLockingTaskExecutor(new MongoLockProvider(mongo.getDb()));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            var firstRun = CompletableFuture.supplyAsync(() -> {
                try {
                    return first.executeWithLock(() -> {
                        holding.countDown();
                        release.await(20, TimeUnit.SECONDS);
                        return chase.check(AS_OF);
                    }, lock());
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }, pool);
            assertThat(holding.await(20, TimeUnit.SECONDS)).isTrue();
            var secondRun = second.executeWithLock(() -> chase.check(AS_OF), lock());
            release.countDown();
            var firstResult = firstRun.get(30, TimeUnit.SECONDS);

            assertThat(secondRun.wasExecuted()).isFalse();
            assertThat(firstResult.wasExecuted()).isTrue();
            assertThat(firstResult.getResult().created()).isEqualTo(EXPECTED);
        } finally {
            pool.shutdownNow();
        }
        // Once the first has let go, the next day's run on the other instance finds nothing new.
        var later = second.executeWithLock(() -> chase.check(AS_OF), lock());
        assertThat(later.wasExecuted()).isTrue();
        assertThat(later.getResult().created()).isZero();
        assertThat(notifications()).isEqualTo(EXPECTED);
        awaitBranchDeliveriesOnce();
    }

    @Test
    void theScheduledChaseIsSkippedWhileAnotherInstanceHoldsTheLock() {
        // Another instance holds the ShedLock row in MongoDB.
        mongo.getCollection("shedLock").insertOne(new org.bson.Document("_id", ChaseScheduler.LOCK_NAME)
                .append("lockUntil", java.util.Date.from(Instant.now().plusSeconds(600)))
                .append("lockedAt", java.util.Date.from(Instant.now())).append("lockedBy", "other-instance"));
        scheduler.daily();
        assertThat(notifications()).isZero();

        // Released: the scheduled method (today, by the service clock) runs and chases.
        mongo.remove(new Query(), "shedLock");
        scheduler.daily();
        assertThat(notifications()).isPositive();
        assertThat(mongo.getCollection("shedLock").countDocuments()).isEqualTo(1);
    }

    @Autowired
    private ChaseScheduler scheduler;

    private static LockConfiguration lock() {
        return new LockConfiguration(Instant.now(), ChaseScheduler.LOCK_NAME, Duration.ofMinutes(1), Duration.ZERO);
    }

    /** The branch's 6 overdue notices each reach its webhook exactly once. */
    private void awaitBranchDeliveriesOnce() {
        Query branch = Query.query(Criteria.where("recipientOrgId").is("b-idem"));
        assertThat(mongo.count(branch, NotificationDoc.class)).isEqualTo(EXPECTED / 2);
        // Only this test's notifications: the dispatcher may still be finishing an earlier test's work.
        List<String> ids = mongo.find(new Query(), NotificationDoc.class).stream().map(NotificationDoc::id).toList();
        Criteria ours = Criteria.where("notificationId").in(ids);
        await().atMost(WAIT).until(() -> mongo.count(Query.query(new Criteria().andOperator(ours,
                Criteria.where("status").is(DeliveryStatus.DELIVERED))), DeliveryDoc.class) == EXPECTED / 2);
        assertThat(mongo.count(Query.query(ours), DeliveryDoc.class)).isEqualTo(EXPECTED / 2);
        assertThat(received).hasSize(EXPECTED / 2);
        Set<String> distinct = new HashSet<>(received);
        assertThat(distinct).hasSize(EXPECTED / 2);
    }
}
