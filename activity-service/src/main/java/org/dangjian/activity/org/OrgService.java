package org.dangjian.activity.org;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.dangjian.activity.error.ApiException;
import org.dangjian.activity.web.Caller;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;
import org.springframework.stereotype.Service;

/** Creates, updates and moves organisations, and answers questions about the tree. */
@Service
public class OrgService {

    /** What a PUT asks for. */
    public record OrgChange(String name, OrgType type, String parentId, PolicyOverride policy) {
    }

    public record PutResult(Org org, boolean created) {
    }

    private final OrgStore store;
    private final OrgPublisher publisher;
    /**
     * Tree writes are rare; one lock keeps a concurrent pair of moves from building a cycle. (Several instances
     * would need the same guard in the store; see README.)
     */
    private final ReentrantLock treeLock = new ReentrantLock();

    public OrgService(OrgStore store, OrgPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    public PutResult put(String orgId, OrgChange change, Caller caller) {
        PutResult result;
        treeLock.lock();
        try {
            result = putLocked(orgId, change, caller);
        } finally {
            treeLock.unlock();
        }
        publisher.trigger();
        return result;
    }

    private PutResult putLocked(String orgId, OrgChange change, Caller caller) {
        Org existing = store.find(orgId).orElse(null);
        Org parent = change.parentId() == null ? null : store.find(change.parentId()).orElse(null);
        authorise(orgId, existing, change.parentId(), parent, caller);
        List<String> ancestors = OrgRules.ancestorsUnder(orgId, change.parentId(), parent);
        PolicyOverride policy = change.policy() == null ? PolicyOverride.NONE : change.policy();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (existing == null) {
            Org created = new Org(orgId, change.name(), change.type(), change.parentId(), ancestors, policy, 1, now);
            try {
                store.insert(created);
            } catch (org.springframework.dao.DuplicateKeyException | com.mongodb.MongoWriteException e) {
                throw ApiException.conflict("组织 " + orgId + " 已被同时创建，请重试");
            }
            return new PutResult(created, true);
        }
        boolean moved = !ancestors.equals(existing.ancestors());
        boolean policyChanged = !policy.equals(existing.policy());
        boolean changed = moved || policyChanged || !change.name().equals(existing.name())
                || change.type() != existing.type() || !Objects.equals(change.parentId(), existing.parentId());
        if (!changed) {
            return new PutResult(existing, false);
        }
        Org updated = new Org(orgId, change.name(), change.type(), change.parentId(), ancestors, policy,
                existing.version() + 1, now);
        boolean carryDown = moved || policyChanged;
        if (!store.update(updated, existing.version(), carryDown)) {
            throw ApiException.conflict("组织 " + orgId + " 已被同时修改，请重试");
        }
        if (carryDown) {
            propagate(updated, now);
        }
        return new PutResult(updated, false);
    }

    /**
     * Carries a move or a policy change into every descendant: new ancestor paths, new versions, republished.
     * Idempotent, so the sweep can redo it after a crash half way.
     */
    void propagate(Org org, Instant now) {
        Map<String, List<String>> rebased = new HashMap<>();
        for (Org d : store.descendants(org.orgId())) {
            rebased.put(d.orgId(), OrgRules.rebase(d.ancestors(), org.orgId(), org.ancestors()));
        }
        store.rebaseAll(rebased, now);
        store.clearSubtreePending(org.orgId());
    }

    /** Re-runs interrupted propagations. */
    public void repair() {
        treeLock.lock();
        try {
            for (Org pending : store.subtreePending()) {
                propagate(pending, Instant.now().truncatedTo(ChronoUnit.MILLIS));
            }
        } finally {
            treeLock.unlock();
        }
    }

    /**
     * A token for X reaches X and its subtree; it may create a brand-new X as a root, but moving needs authority
     * over the old and the new parent (so X can never detach itself).
     */
    private void authorise(String orgId, Org existing, String newParentId, Org newParent, Caller caller) {
        if (!caller.scoped()) {
            return;
        }
        String scope = caller.orgId();
        if (existing == null) {
            boolean ok = newParentId == null ? orgId.equals(scope) : newParent != null && newParent.isWithin(scope);
            if (!ok) {
                throw ApiException.forbidden("无权在该上级组织下创建组织");
            }
            return;
        }
        if (!existing.isWithin(scope)) {
            throw ApiException.forbidden("无权修改组织 " + orgId);
        }
        if (!Objects.equals(existing.parentId(), newParentId)) {
            boolean oldOk = existing.parentId() != null && existing.ancestors().contains(scope);
            boolean newOk = newParentId != null && newParent != null && newParent.isWithin(scope);
            if (!oldOk || !newOk) {
                throw ApiException.forbidden("移动组织需要同时拥有原上级和新上级组织的权限");
            }
        }
    }

    public Org get(String orgId, Caller caller) {
        Org org = store.find(orgId).orElseThrow(() -> ApiException.notFound("组织不存在：" + orgId));
        checkScope(org, caller);
        return org;
    }

    public List<Org> children(String orgId, Caller caller) {
        get(orgId, caller);
        return store.children(orgId);
    }

    public void checkScope(Org org, Caller caller) {
        if (caller.scoped() && !org.isWithin(caller.orgId())) {
            throw ApiException.forbidden("无权访问组织 " + org.orgId());
        }
    }

    /** Checks the caller reaches {@code orgId}; unknown organisations are 404. */
    public void checkScope(String orgId, Caller caller) {
        if (caller.scoped()) {
            get(orgId, caller);
        }
    }

    public boolean exists(String orgId) {
        return store.exists(orgId);
    }

    public Policy effectivePolicy(Org org) {
        Map<String, Org> ancestors = store.findAll(org.ancestors());
        return effectivePolicy(org, ancestors);
    }

    static Policy effectivePolicy(Org org, Map<String, Org> ancestorsById) {
        List<PolicyOverride> chain = new ArrayList<>();
        for (String a : org.ancestors()) {
            Org ancestor = ancestorsById.get(a);
            chain.add(ancestor == null ? null : ancestor.policy());
        }
        chain.add(org.policy());
        return PolicyResolver.resolve(chain);
    }

    static OrgState toState(Org org, Policy policy) {
        return new OrgState(org.orgId(), org.name(), org.type(), org.parentId(), org.ancestors(), policy,
                org.updatedAt(), org.version());
    }
}
