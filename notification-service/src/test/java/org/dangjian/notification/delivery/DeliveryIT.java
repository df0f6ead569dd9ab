package org.dangjian.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.org.Frequency;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.org.Requirement;
import org.dangjian.notification.AbstractIT;
import org.dangjian.notification.chase.NotificationDoc;
import org.dangjian.notification.chase.NotificationStatus;
import org.dangjian.notification.ledger.ItemKind;
import org.dangjian.notification.ledger.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Webhook against a real local HTTP server (fails first, then succeeds; HMAC checked), e-mail against GreenMail,
 * and a dead endpoint that opens the breaker and parks deliveries.
 */
class DeliveryIT extends AbstractIT {

    private static final String JANUARY_REMINDER = "第一支部2026年1月尚未召开支部委员会，应于2026年2月10日前完成，还剩3天。";

    @Autowired
    private DeliveryGuard guard;

    private final MockWebServer hook = new MockWebServer();

    @BeforeEach
    void branch() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        Policy policy = new Policy(List.of(new Requirement(MeetingType.BRANCH_COMMITTEE, Frequency.MONTHLY, 1)), 10,
                null, false, 1);
        publishOrg("c-del", "机关党委", OrgType.COMMITTEE, null, List.of(), policy, LocalDate.of(2026, 1, 1));
        publishOrg("b-del", "第一支部", OrgType.BRANCH, "c-del", List.of("c-del"), policy, LocalDate.of(2026, 1, 1));
        awaitOrg("c-del");
        awaitOrg("b-del");
    }

    @AfterEach
    void stop() {
        hook.close();
    }

    private void settings(String webhookUrl, List<String> emails) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("webhookUrl", webhookUrl);
        body.put("emails", emails);
        assertThat(http(HttpMethod.PUT, "/api/notifications/settings/b-del", body).status()).isEqualTo(200);
    }

    private List<DeliveryDoc> deliveries(DeliveryStatus status) {
        return mongo.find(Query.query(Criteria.where("status").is(status)), DeliveryDoc.class);
    }

    @Test
    void webhookIsRetriedWithBackoffAndSignedWithHmac() throws Exception {
        hook.enqueue(new MockResponse.Builder().code(500).build());
        hook.enqueue(new MockResponse.Builder().code(503).build());
        hook.enqueue(new MockResponse.Builder().code(200).build());
        hook.start();
        settings(hook.url("/dangjian").toString(), List.of());

        check("2026-02-07");

        await().atMost(WAIT).until(() -> deliveries(DeliveryStatus.DELIVERED).size() == 1);
        DeliveryDoc delivered = deliveries(DeliveryStatus.DELIVERED).get(0);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.channel()).isEqualTo(Channel.WEBHOOK);
        assertThat(hook.getRequestCount()).isEqualTo(3);
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(hook.takeRequest());
        }
        for (RecordedRequest request : requests) {
            byte[] body = request.getBody().toByteArray();
            assertThat(request.getHeaders().get("X-Dangjian-Signature")).isEqualTo("sha256=" + hmac("test-secret", body));
            assertThat(request.getHeaders().get("X-Dangjian-Delivery")).isEqualTo(delivered.id());
            JsonNode json = this.json.readTree(body);
            assertThat(json.get("text").asString()).isEqualTo(JANUARY_REMINDER);
            assertThat(json.get("orgId").asString()).isEqualTo("b-del");
            assertThat(json.get("stage").asString()).isEqualTo("REMINDER");
        }
        assertThat(requests.get(0).getBody()).isEqualTo(requests.get(2).getBody());
        // A forged body would not match the signature.
        assertThat(hmac("test-secret", "{}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(requests.get(0).getHeaders().get("X-Dangjian-Signature").substring(7));
    }

    @Test
    void eMailGoesOutInChinese() throws Exception {
        settings(null, List.of("zhibu@example.org", "shuji@example.org"));

        check("2026-02-07");

        await().atMost(WAIT).until(() -> MAIL.getReceivedMessages().length == 2);
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            assertThat(message.getSubject()).isEqualTo("【提醒】第一支部：2026年1月支部委员会");
            assertThat(((String) message.getContent()).replace("\r\n", "\n")).startsWith(JANUARY_REMINDER);
        }
        assertThat(List.of(MAIL.getReceivedMessages()).stream().map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrder("zhibu@example.org", "shuji@example.org");
        await().atMost(WAIT).until(() -> deliveries(DeliveryStatus.DELIVERED).size() == 2);
    }

    @Test
    void aDeadEndpointOpensTheBreakerAndParksDeliveries() throws Exception {
        hook.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(503).build();
            }
        });
        hook.start();
        String url = hook.url("/dead").toString();
        settings(url, List.of());

        // Jan, Feb, Mar overdue and April's reminder: four notices for the branch.
        check("2026-05-07");

        await().atMost(WAIT).until(() -> deliveries(DeliveryStatus.PARKED).size() == 4);
        assertThat(guard.state(WebhookSender.endpoint(url))).isEqualTo(CircuitBreaker.State.OPEN);
        // The first delivery used its 4 attempts and opened the breaker; the others failed fast.
        assertThat(hook.getRequestCount()).isEqualTo(4);
        assertThat(deliveries(DeliveryStatus.PARKED)).extracting(DeliveryDoc::attempts)
                .containsExactlyInAnyOrder(4, 0, 0, 0);

        Response parked = http(HttpMethod.GET, "/api/notifications/deliveries?status=PARKED&orgId=b-del", null);
        assertThat(parked.status()).isEqualTo(200);
        assertThat(parked.body().get("total").asLong()).isEqualTo(4);
        assertThat(parked.body().get("items").get(0).get("lastError").asString()).isNotBlank();
        // The inbox has them all the same.
        Response inbox = http(HttpMethod.GET, "/api/notifications?orgId=b-del&status=OPEN", null);
        assertThat(inbox.body().get("total").asLong()).isEqualTo(4);

        // A parked delivery can be put back in the queue.
        String id = parked.body().get("items").get(0).get("id").asString();
        Response requeued = http(HttpMethod.POST, "/api/notifications/deliveries/" + id + "/retry", null);
        assertThat(requeued.status()).isEqualTo(200);
        assertThat(requeued.body().get("status").asString()).isIn("PENDING", "IN_FLIGHT", "PARKED");
        await().atMost(WAIT).until(() -> deliveries(DeliveryStatus.PARKED).size() == 4);
        Response again = http(HttpMethod.POST, "/api/notifications/deliveries/" + id + "/retry", null);
        assertThat(again.status()).isIn(200, 409);
    }

    @Test
    void workLeftByACrashedInstanceIsPickedUp() throws Exception {
        hook.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(204).build();
            }
        });
        hook.start();
        settings(hook.url("/ok").toString(), List.of());
        Instant then = Instant.now().minusSeconds(3600);
        // Stored by a check, then the instance died before queueing its deliveries.
        NotificationDoc unplanned = new NotificationDoc("n-crash-1", "k1", ItemKind.MEETING, "b-del",
                MeetingType.BRANCH_COMMITTEE, "2026-01", 1, null, null, null, "2026-02-10", null, Stage.REMINDER,
                "b-del", List.of("c-del", "b-del"), "【提醒】第一支部：2026年1月支部委员会", JANUARY_REMINDER,
                NotificationStatus.OPEN, "2026-02-07", then, null, null, false);
        NotificationDoc inFlight = new NotificationDoc("n-crash-2", "k2", ItemKind.MEETING, "b-del",
                MeetingType.BRANCH_COMMITTEE, "2026-02", 1, null, null, null, "2026-03-10", null, Stage.REMINDER,
                "b-del", List.of("c-del", "b-del"), "【提醒】第一支部：2026年2月支部委员会", "第一支部2026年2月……",
                NotificationStatus.OPEN, "2026-03-07", then, null, null, true);
        mongo.insert(unplanned);
        mongo.insert(inFlight);
        // Claimed by the dead instance, its lease long expired.
        mongo.insert(new DeliveryDoc("d-crash-2", "n-crash-2", Channel.WEBHOOK, hook.url("/ok").toString(), "b-del",
                List.of("c-del", "b-del"), DeliveryStatus.IN_FLIGHT, 0, null, then, then, then.plusSeconds(60), null));

        await().atMost(WAIT).until(() -> deliveries(DeliveryStatus.DELIVERED).size() == 2);
        assertThat(hook.getRequestCount()).isEqualTo(2);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
