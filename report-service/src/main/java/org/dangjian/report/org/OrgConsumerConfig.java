package org.dangjian.report.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dangjian.contracts.org.OrgState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/** Binds {@code orgs-in-0}: the compacted org topic into {@link OrgReplica}, latest state per key per poll. */
@Configuration
public class OrgConsumerConfig {

    private static final Logger log = LoggerFactory.getLogger(OrgConsumerConfig.class);

    @Bean
    Consumer<Message<List<byte[]>>> orgs(OrgReplica replica, JsonMapper json) {
        return message -> {
            List<?> values = message.getPayload();
            List<?> keys = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY, List.class);
            Map<String, OrgState> latest = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                Object raw = values.get(i);
                Object rawKey = keys == null ? null : keys.get(i);
                String key = rawKey instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                        : rawKey == null ? null : rawKey.toString();
                if (!(raw instanceof byte[] v) || v.length == 0) {
                    if (key != null) {
                        latest.put(key, null);
                    }
                    continue;
                }
                try {
                    OrgState s = json.readValue(v, OrgState.class);
                    OrgState prev = latest.get(s.orgId());
                    if (prev == null || prev.version() <= s.version()) {
                        latest.put(s.orgId(), s);
                    }
                } catch (RuntimeException e) {
                    log.warn("Skipping unreadable org state: {}", e.toString());
                }
            }
            replica.upsert(latest);
        };
    }
}
