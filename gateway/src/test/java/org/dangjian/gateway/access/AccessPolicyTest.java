package org.dangjian.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dangjian.gateway.orgtree.OrgTree;
import org.dangjian.gateway.security.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private final OrgTree tree = new OrgTree();
    private final AccessPolicy policy = new AccessPolicy(tree);

    @BeforeEach
    void tree() {
        tree.put("county", List.of());
        tree.put("committee", List.of("county"));
        tree.put("b1", List.of("county", "committee"));
        tree.put("b2", List.of("county", "committee"));
        tree.put("other", List.of());
    }

    private static Caller caller(String org, Role... roles) {
        return new Caller("s", Set.of(roles), org);
    }

    private static AccessRule rule(String pattern) {
        return AccessRules.RULES.stream().filter(r -> r.pattern().equals(pattern)).findFirst().orElseThrow();
    }

    private static OrgRefs body(String... orgs) {
        return new OrgRefs(null, List.of(), List.of(orgs), null);
    }

    private static OrgRefs put(String org, String parent) {
        return new OrgRefs(org, List.of(), List.of(), parent);
    }

    @Test
    void aTokenReachesItsOrganisationAndItsDescendantsOnly() {
        AccessRule post = rule("/api/activities");
        assertThat(policy.decide(caller("committee", Role.BRANCH_SYSTEM), post, body("b1")))
                .isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(caller("committee", Role.BRANCH_SYSTEM), post, body("committee")))
                .isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(caller("b1", Role.BRANCH_SYSTEM), post, body("b2")))
                .isInstanceOf(Decision.Deny.class);
        assertThat(policy.decide(caller("b1", Role.BRANCH_SYSTEM), post, body("county")))
                .isInstanceOf(Decision.Deny.class);
        assertThat(policy.decide(caller("committee", Role.BRANCH_SYSTEM), post, body("b1", "other")))
                .isInstanceOf(Decision.Deny.class);
    }

    @Test
    void theRoleComesFirst() {
        assertThat(policy.decide(caller("county", Role.LEADER), rule("/api/activities"), body("b1")))
                .isInstanceOf(Decision.Deny.class);
        assertThat(policy.checkRoles(caller("county", Role.LEADER, Role.BRANCH_SYSTEM), rule("/api/activities")))
                .isEmpty();
        assertThat(policy.checkRoles(new Caller("s", EnumSet.of(Role.ADMIN), null), rule("/api/orgs/{orgId}")))
                .isPresent();
    }

    @Test
    void listsNeedAnOrganisationInTheQuery() {
        assertThat(policy.decide(caller("b1", Role.LEADER), rule("/api/activities"),
                new OrgRefs(null, List.of(), List.of(), null)))
                .isInstanceOf(Decision.Deny.class);
        AccessRule list = AccessRules.RULES.stream()
                .filter(r -> r.pattern().equals("/api/activities") && r.method().equals("GET")).findFirst()
                .orElseThrow();
        assertThat(policy.decide(caller("b1", Role.LEADER), list, new OrgRefs(null, List.of(), List.of(), null)))
                .isEqualTo(new Decision.Invalid("orgId", "必须用 orgId 指定要查询的组织"));
        assertThat(policy.decide(caller("committee", Role.LEADER), list,
                new OrgRefs(null, List.of("b2"), List.of(), null))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void systemWideAdminActionsNeedARootToken() {
        AccessRule checks = rule("/api/notifications/checks");
        assertThat(policy.decide(caller("county", Role.ADMIN), checks, body())).isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(caller("committee", Role.ADMIN), checks, body()))
                .isInstanceOf(Decision.Deny.class);
        assertThat(policy.decide(caller("unknown", Role.ADMIN), checks, body()))
                .isInstanceOf(Decision.Deny.class);
    }

    @Test
    void organisationsAreCreatedUnderAParentOneReachesOrAsOnesOwnNewRoot() {
        AccessRule orgPut = rule("/api/orgs/{orgId}");
        Caller committee = caller("committee", Role.ADMIN);
        assertThat(policy.decide(committee, orgPut, put("b3", "committee"))).isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(committee, orgPut, put("b3", "other"))).isInstanceOf(Decision.Deny.class);
        assertThat(policy.decide(caller("b-001", Role.ADMIN), orgPut, put("b-001", null)))
                .isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(committee, orgPut, put("b-001", null))).isInstanceOf(Decision.Deny.class);
    }

    @Test
    void movingNeedsTheOldAndTheNewParentAndATokenForXNeverDetachesX() {
        AccessRule orgPut = rule("/api/orgs/{orgId}");
        assertThat(policy.decide(caller("b1", Role.ADMIN), orgPut, put("b1", "committee")))
                .isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(caller("b1", Role.ADMIN), orgPut, put("b1", null)))
                .isInstanceOf(Decision.Deny.class);
        assertThat(policy.decide(caller("committee", Role.ADMIN), orgPut, put("b1", "b2")))
                .isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(caller("committee", Role.ADMIN), orgPut, put("b1", "other")))
                .isInstanceOf(Decision.Deny.class);
        assertThat(policy.decide(caller("other", Role.ADMIN), orgPut, put("b1", "other")))
                .isInstanceOf(Decision.Deny.class);
        assertThat(policy.decide(caller("county", Role.ADMIN), orgPut, put("committee", null)))
                .isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(caller("committee", Role.ADMIN), orgPut, put("committee", "other")))
                .isInstanceOf(Decision.Deny.class);
    }
}
