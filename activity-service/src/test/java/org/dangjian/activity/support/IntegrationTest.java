package org.dangjian.activity.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the integration tests: the real service on a random port, a real KRaft broker and a real Mongo wire
 * endpoint. Every subclass shares this one configuration, so Spring reuses one context for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 6)
@TestPropertySource(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "spring.mongodb.database=activity-it",
        "dangjian.activity.publish.full-sweep-interval=2s"
})
public abstract class IntegrationTest {

    @Value("${local.server.port}")
    protected int port;

    @Value("${spring.embedded.kafka.brokers}")
    protected String brokers;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MongoSupport::uri);
    }

    protected Http http() {
        return new Http(port);
    }

    protected static String branch(String orgId, String parentId) {
        return "{\"name\":\"" + orgId + "党支部\",\"type\":\"BRANCH\",\"parentId\":"
                + (parentId == null ? "null" : "\"" + parentId + "\"") + "}";
    }

    protected static String meeting(String eventId, String orgId, String occurredAt) {
        return "{\"eventId\":\"" + eventId + "\",\"orgId\":\"" + orgId + "\",\"type\":\"MEETING_HELD\","
                + "\"occurredAt\":\"" + occurredAt + "\",\"payload\":{\"meetingType\":\"BRANCH_COMMITTEE\","
                + "\"attendees\":5,\"expected\":7,\"topic\":\"学习贯彻党的二十届四中全会精神\"}}";
    }
}
