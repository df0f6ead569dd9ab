package org.dangjian.report.web;

import java.util.Arrays;
import java.util.List;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.report.org.OrgReplica;
import org.springframework.stereotype.Component;

/**
 * Second line of the gateway's scope rule: when the gateway says who calls ({@code X-Dangjian-Org}), the org read
 * must be that org or one of its descendants; the rebuild needs the ADMIN role. Without the headers (an internal
 * call, a test) nothing is checked.
 */
@Component
public class CallerScope {

    private final OrgReplica orgs;

    public CallerScope(OrgReplica orgs) {
        this.orgs = orgs;
    }

    public void checkOrg(String callerOrg, String orgId) {
        if (callerOrg == null || callerOrg.isBlank() || callerOrg.equals(orgId)) {
            return;
        }
        List<String> ancestors = orgs.find(orgId).map(OrgState::ancestors).orElse(List.of());
        if (ancestors == null || !ancestors.contains(callerOrg)) {
            throw new ForbiddenException("无权访问组织 " + orgId + " 的报告");
        }
    }

    public void checkAdmin(String roles) {
        if (roles != null && Arrays.stream(roles.split(",")).map(String::trim).noneMatch("ADMIN"::equals)) {
            throw new ForbiddenException("需要管理员权限");
        }
    }

    /** The caller may not read this. */
    public static class ForbiddenException extends RuntimeException {

        public ForbiddenException(String message) {
            super(message);
        }
    }
}
