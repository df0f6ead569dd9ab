package org.dangjian.activity.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.dangjian.activity.error.ApiException;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.org.Frequency;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.org.Requirement;
import org.junit.jupiter.api.Test;

class PolicyResolverTest {

    @Test
    void defaultsFollowTheBranchWorkRegulations() {
        Policy p = PolicyResolver.resolve(List.of());
        assertThat(p.deadlineDay()).isEqualTo(10);
        assertThat(p.themePartyDay()).isNull();
        assertThat(p.monthlyDues()).isTrue();
        assertThat(p.requirements()).contains(
                new Requirement(MeetingType.BRANCH_MEMBER_ASSEMBLY, Frequency.QUARTERLY, 1),
                new Requirement(MeetingType.BRANCH_COMMITTEE, Frequency.MONTHLY, 1),
                new Requirement(MeetingType.ORGANIZATIONAL_LIFE, Frequency.YEARLY, 1));
    }

    @Test
    void childrenInheritUnlessTheyOverride() {
        PolicyOverride committee = new PolicyOverride(
                List.of(new Requirement(MeetingType.PARTY_LECTURE, Frequency.MONTHLY, 1)), 5, 4, null, null);
        PolicyOverride branch = new PolicyOverride(
                List.of(new Requirement(MeetingType.BRANCH_COMMITTEE, Frequency.MONTHLY, 0)), null, 8, null, 2);
        Policy p = PolicyResolver.resolve(Arrays.asList(committee, null, branch));
        assertThat(p.deadlineDay()).isEqualTo(5);
        assertThat(p.themePartyDay()).isEqualTo(8);
        assertThat(p.talksPerMember()).isEqualTo(2);
        assertThat(p.requirements()).contains(new Requirement(MeetingType.PARTY_LECTURE, Frequency.MONTHLY, 1));
        assertThat(p.requirements()).noneMatch(r -> r.meetingType() == MeetingType.BRANCH_COMMITTEE);
    }

    @Test
    void aMoveUnderItsOwnDescendantIsRefused() {
        Org child = new Org("c", "c", OrgType.BRANCH, "a", List.of("root", "a"), PolicyOverride.NONE, 1, Instant.now());
        assertThatThrownBy(() -> OrgRules.ancestorsUnder("a", "c", child))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> OrgRules.ancestorsUnder("a", "a", null)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> OrgRules.ancestorsUnder("a", "nope", null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("parentId"));
    }

    @Test
    void rebasingKeepsThePathBelowTheMovedOrganisation() {
        assertThat(OrgRules.rebase(List.of("r1", "a", "b"), "a", List.of("r2", "x")))
                .containsExactly("r2", "x", "a", "b");
    }
}
