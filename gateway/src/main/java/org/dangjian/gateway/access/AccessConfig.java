package org.dangjian.gateway.access;

import org.dangjian.gateway.orgtree.OrgTree;
import org.dangjian.gateway.problem.Problems;
import org.dangjian.gateway.security.JwtCallers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class AccessConfig {

    @Bean
    AccessPolicy accessPolicy(OrgTree tree) {
        return new AccessPolicy(tree);
    }

    @Bean
    AuthorizationFilter authorizationFilter(AccessPolicy policy, JsonMapper jsonMapper, JwtCallers callers,
            Problems problems, AccessProperties properties) {
        return new AuthorizationFilter(AccessRules.RULES, policy, new BodyOrgReader(jsonMapper), callers, problems,
                properties);
    }
}
