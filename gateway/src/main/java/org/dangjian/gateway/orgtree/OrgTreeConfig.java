package org.dangjian.gateway.orgtree;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class OrgTreeConfig {

    @Bean
    OrgTree orgTree() {
        return new OrgTree();
    }

    @Bean
    OrgTreeReplica orgTreeReplica(OrgTree tree, OrgReplicaProperties properties, JsonMapper jsonMapper) {
        return new OrgTreeReplica(tree, properties, jsonMapper);
    }

    /** Shows whether the replica has read the topic up to where it stood at start (not part of readiness). */
    @Bean
    HealthIndicator orgTreeHealthIndicator(OrgTreeReplica replica, OrgTree tree) {
        return () -> (replica.caughtUp() ? Health.up() : Health.unknown())
                .withDetail("organisations", tree.size())
                .build();
    }
}
