package org.dangjian.notification.web;

import java.util.Arrays;
import java.util.List;
import org.dangjian.notification.view.ViewStore;
import org.springframework.stereotype.Component;

/**
 * The gateway's caller headers: when {@code X-Dangjian-Org} is present, what is addressed must lie in that
 * organisation's subtree; when absent (internal call, test), nothing is checked.
 */
@Component
public class CallerScope {

    private final ViewStore views;

    public CallerScope(ViewStore views) {
        this.views = views;
    }

    public void requireWithin(String callerOrg, List<String> path) {
        if (callerOrg != null && !callerOrg.isBlank() && (path == null || !path.contains(callerOrg))) {
            throw ApiException.forbidden("无权访问该组织的通知");
        }
    }

    public void requireOrg(String callerOrg, String orgId) {
        if (callerOrg != null && !callerOrg.isBlank() && !callerOrg.equals(orgId)) {
            requireWithin(callerOrg, views.pathOf(orgId));
        }
    }

    public void requireRole(String roles, String role) {
        if (roles != null && Arrays.stream(roles.split(",")).map(String::trim).noneMatch(role::equals)) {
            throw ApiException.forbidden("需要" + role + "角色");
        }
    }
}
