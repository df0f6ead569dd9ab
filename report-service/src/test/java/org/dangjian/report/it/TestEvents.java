package org.dangjian.report.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.contracts.Topics;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.contracts.org.OrgType;
import tools.jackson.databind.json.JsonMapper;

/** Publishes events the way activity-service does: key = orgId, CloudEvents binary headers, JSON bytes. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper json;

    public TestEvents(String brokers, JsonMapper json) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.json = json;
    }

    public static ActivityEvent event(String orgId, ActivityType type, String occurredAt, Map<String, Object> payload) {
        return new ActivityEvent(UUID.randomUUID().toString(), orgId, type, OffsetDateTime.parse(occurredAt),
                Instant.now(), payload);
    }

    public static Map<String, Object> meeting(String meetingType, int attendees, int expected) {
        return Map.of("meetingType", meetingType, "attendees", attendees, "expected", expected, "topic", "学习");
    }

    public void publish(ActivityEvent... events) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (ActivityEvent e : events) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.ACTIVITIES, e.orgId(),
                    json.writeValueAsBytes(e));
            header(r, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
            header(r, CloudEventHeaders.ID, e.eventId());
            header(r, CloudEventHeaders.TYPE, e.type().cloudEventType());
            header(r, CloudEventHeaders.SOURCE, "/activity-service");
            header(r, CloudEventHeaders.TIME, e.recordedAt().toString());
            header(r, CloudEventHeaders.SUBJECT, e.orgId());
            header(r, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            sent.add(producer.send(r));
        }
        producer.flush();
        for (java.util.concurrent.Future<?> f : sent) {
            try {
                f.get();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    public void publishOrg(String orgId, String name, OrgType type, String parentId, List<String> ancestors,
            long version) {
        OrgState s = new OrgState(orgId, name, type, parentId, ancestors, null, Instant.now(), version);
        try {
            producer.send(new ProducerRecord<>(Topics.ORGS, orgId, json.writeValueAsBytes(s))).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void header(ProducerRecord<String, byte[]> r, String k, String v) {
        r.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
