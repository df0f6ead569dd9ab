package org.dangjian.gateway.orgtree;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's replica of the organisation tree: for every organisation, its ancestors root-first, as the
 * compacted {@code dangjian.orgs.v1} topic last said. Answers "does organisation S reach T" without a call per
 * request. An organisation the replica does not know is reached only by a token for itself.
 */
public final class OrgTree {

    private final Map<String, List<String>> ancestors = new ConcurrentHashMap<>();

    public void put(String orgId, List<String> ancestorsRootFirst) {
        ancestors.put(orgId, List.copyOf(ancestorsRootFirst));
    }

    public void remove(String orgId) {
        ancestors.remove(orgId);
    }

    public boolean knows(String orgId) {
        return ancestors.containsKey(orgId);
    }

    public int size() {
        return ancestors.size();
    }

    /** The ancestors root-first, empty for a root; absent when the organisation is unknown. */
    public Optional<List<String>> ancestorsOf(String orgId) {
        return Optional.ofNullable(ancestors.get(orgId));
    }

    /** The parent of a known organisation; empty for a root or an unknown organisation. */
    public Optional<String> parentOf(String orgId) {
        List<String> path = ancestors.get(orgId);
        return path == null || path.isEmpty() ? Optional.empty() : Optional.of(path.get(path.size() - 1));
    }

    /** A known organisation without a parent. */
    public boolean isRoot(String orgId) {
        List<String> path = ancestors.get(orgId);
        return path != null && path.isEmpty();
    }

    /** Whether a token for {@code scopeOrg} reaches {@code target}: it is the same or one of its ancestors. */
    public boolean covers(String scopeOrg, String target) {
        if (scopeOrg == null || target == null) {
            return false;
        }
        if (scopeOrg.equals(target)) {
            return true;
        }
        List<String> path = ancestors.get(target);
        return path != null && path.contains(scopeOrg);
    }
}
