package org.dangjian.gateway.access;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dangjian.gateway.orgtree.OrgTree;
import org.dangjian.gateway.security.Caller;

/**
 * Decides one request: does the caller hold a role the rule needs, and does every organisation the request
 * names lie in the caller's subtree (the token's organisation and its descendants, per the tree replica)?
 */
public final class AccessPolicy {

    private final OrgTree tree;

    public AccessPolicy(OrgTree tree) {
        this.tree = tree;
    }

    public Decision decide(Caller caller, AccessRule rule, OrgRefs refs) {
        Optional<Decision> refused = checkRoles(caller, rule);
        if (refused.isPresent()) {
            return refused.get();
        }
        return switch (rule.scope()) {
            case QUERY_ORG -> refs.queryOrgs().isEmpty()
                    ? new Decision.Invalid("orgId", "必须用 orgId 指定要查询的组织")
                    : allInScope(caller, refs);
            case ORG_PUT -> orgPut(caller, refs);
            case GLOBAL -> tree.isRoot(caller.orgId())
                    ? allInScope(caller, refs)
                    : new Decision.Deny("全局管理操作只对根组织的管理员开放");
            default -> allInScope(caller, refs);
        };
    }

    /** The part of the decision that needs no organisation: a token with an org and one of the rule's roles. */
    public Optional<Decision> checkRoles(Caller caller, AccessRule rule) {
        if (caller.orgId() == null || caller.orgId().isBlank()) {
            return Optional.of(new Decision.Deny("令牌未载明所属组织"));
        }
        if (Collections.disjoint(caller.roles(), rule.roles())) {
            return Optional.of(new Decision.Deny("该操作需要以下角色之一：" + rule.roles().stream().sorted()
                    .map(Role::name).collect(Collectors.joining("、"))));
        }
        return Optional.empty();
    }

    private Decision allInScope(Caller caller, OrgRefs refs) {
        for (String org : refs.all()) {
            if (!tree.covers(caller.orgId(), org)) {
                return outside(caller, org);
            }
        }
        return Decision.ALLOW;
    }

    /**
     * Creating, updating or moving an organisation (DESIGN.md, "Roles"): a new organisation under a parent needs
     * authority over that parent; a token for X may create a brand-new X as a root; changing an existing X needs
     * authority over X, and moving it also over its old and its new parent, so a token for X can never detach X
     * from its parent.
     */
    private Decision orgPut(Caller caller, OrgRefs refs) {
        String org = refs.pathOrg();
        String newParent = refs.parentId();
        for (String query : refs.queryOrgs()) {
            if (!tree.covers(caller.orgId(), query)) {
                return outside(caller, query);
            }
        }
        if (!tree.knows(org)) {
            if (newParent == null) {
                return caller.orgId().equals(org)
                        ? Decision.ALLOW
                        : new Decision.Deny("只有组织 " + org + " 自己的令牌可以把它新建为根组织");
            }
            return tree.covers(caller.orgId(), newParent) ? Decision.ALLOW : outside(caller, newParent);
        }
        if (!tree.covers(caller.orgId(), org)) {
            return outside(caller, org);
        }
        Optional<String> oldParent = tree.parentOf(org);
        if (Objects.equals(oldParent.orElse(null), newParent)) {
            return Decision.ALLOW;
        }
        if (oldParent.isPresent() && !tree.covers(caller.orgId(), oldParent.get())) {
            return new Decision.Deny("移动组织 " + org + " 需要对其原上级组织 " + oldParent.get() + " 有管理权限");
        }
        if (newParent != null && !tree.covers(caller.orgId(), newParent)) {
            return new Decision.Deny("移动组织 " + org + " 需要对其新上级组织 " + newParent + " 有管理权限");
        }
        return Decision.ALLOW;
    }

    private static Decision outside(Caller caller, String org) {
        return new Decision.Deny("组织 " + org + " 不在令牌所属组织 " + caller.orgId() + " 及其下级范围内");
    }
}
