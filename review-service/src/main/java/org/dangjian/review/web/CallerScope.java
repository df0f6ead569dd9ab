package org.dangjian.review.web;

import org.dangjian.review.org.OrgDirectory;
import org.dangjian.review.org.OrgNode;
import org.dangjian.review.problem.ProblemException;
import org.springframework.stereotype.Component;

/** The caller reaches its own organisation and its descendants, nothing else (403 otherwise). */
@Component
public class CallerScope {

    private final OrgDirectory orgs;

    public CallerScope(OrgDirectory orgs) {
        this.orgs = orgs;
    }

    public boolean reaches(Caller caller, String orgId) {
        if (!caller.scoped()) {
            return true;
        }
        if (caller.org().equals(orgId)) {
            return true;
        }
        return orgs.find(orgId).map(n -> n.isWithin(caller.org())).orElse(false);
    }

    public void require(Caller caller, String orgId) {
        if (!reaches(caller, orgId)) {
            throw ProblemException.forbidden("无权访问党组织 " + orgs.nameOf(orgId) + "（" + orgId + "）：它不在"
                    + orgs.find(caller.org()).map(OrgNode::displayName).orElse(caller.org()) + "及其下级组织范围内");
        }
    }

    /** Admin-only operations: internal calls, or a token with the ADMIN role. */
    public void requireAdmin(Caller caller) {
        if (caller.scoped() && !caller.roles().contains("ADMIN")) {
            throw ProblemException.forbidden("该操作仅限管理员（ADMIN）");
        }
    }
}
