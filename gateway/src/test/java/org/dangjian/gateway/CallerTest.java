package org.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dangjian.gateway.access.Role;
import org.dangjian.gateway.security.Caller;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void rolesComeAsAListOrAsOneString() {
        assertThat(Caller.rolesFrom(List.of("LEADER", "ADMIN", "PRESIDENT"))).containsExactlyInAnyOrder(
                Role.LEADER, Role.ADMIN);
        assertThat(Caller.rolesFrom("leader, branch_system")).containsExactlyInAnyOrder(Role.LEADER,
                Role.BRANCH_SYSTEM);
        assertThat(Caller.rolesFrom(null)).isEmpty();
        assertThat(new Caller("s", Caller.rolesFrom("ADMIN LEADER BRANCH_SYSTEM"), "o").rolesHeader())
                .isEqualTo("BRANCH_SYSTEM,LEADER,ADMIN");
    }
}
