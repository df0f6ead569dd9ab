package org.dangjian.activity.org;

import java.util.ArrayList;
import java.util.List;
import org.dangjian.activity.error.ApiException;
import org.dangjian.activity.error.FieldProblem;
import org.dangjian.contracts.org.Requirement;

/** Rules of the organisation tree: placing under a parent, refusing cycles, policy ranges. */
public final class OrgRules {

    private OrgRules() {
    }

    /**
     * The ancestors an organisation gets under {@code parent}.
     *
     * @throws ApiException 422 when the parent is unknown or the move would put the organisation under itself
     */
    public static List<String> ancestorsUnder(String orgId, String parentId, Org parent) {
        if (parentId == null) {
            return List.of();
        }
        if (parentId.equals(orgId)) {
            throw ApiException.unprocessable("parentId", "组织不能成为自己的上级");
        }
        if (parent == null) {
            throw ApiException.unprocessable("parentId", "上级组织不存在：" + parentId);
        }
        if (parent.ancestors().contains(orgId)) {
            throw ApiException.unprocessable("parentId", "不能把组织移到它自己的下级组织 " + parentId + " 之下（会形成环）");
        }
        List<String> ancestors = new ArrayList<>(parent.ancestors());
        ancestors.add(parent.orgId());
        return List.copyOf(ancestors);
    }

    /** The descendant's new path after its ancestor {@code movedId} now sits at {@code movedAncestors}. */
    public static List<String> rebase(List<String> descendantAncestors, String movedId, List<String> movedAncestors) {
        int at = descendantAncestors.indexOf(movedId);
        List<String> result = new ArrayList<>(movedAncestors);
        result.addAll(descendantAncestors.subList(at, descendantAncestors.size()));
        return List.copyOf(result);
    }

    public static List<FieldProblem> checkPolicy(PolicyOverride p) {
        List<FieldProblem> errors = new ArrayList<>();
        if (p == null) {
            return errors;
        }
        if (p.deadlineDay() != null && (p.deadlineDay() < 1 || p.deadlineDay() > 28)) {
            errors.add(new FieldProblem("policy.deadlineDay", "须在 1 到 28 之间"));
        }
        if (p.themePartyDay() != null && (p.themePartyDay() < 1 || p.themePartyDay() > 28)) {
            errors.add(new FieldProblem("policy.themePartyDay", "须在 1 到 28 之间"));
        }
        if (p.talksPerMember() != null && (p.talksPerMember() < 0 || p.talksPerMember() > 12)) {
            errors.add(new FieldProblem("policy.talksPerMember", "须在 0 到 12 之间"));
        }
        if (p.requirements() != null) {
            for (int i = 0; i < p.requirements().size(); i++) {
                Requirement r = p.requirements().get(i);
                String f = "policy.requirements[" + i + "]";
                if (r == null) {
                    errors.add(new FieldProblem(f, "不能为空"));
                    continue;
                }
                if (r.meetingType() == null) {
                    errors.add(new FieldProblem(f + ".meetingType", "必填"));
                }
                if (r.frequency() == null) {
                    errors.add(new FieldProblem(f + ".frequency", "必填"));
                }
                if (r.minimum() < 0 || r.minimum() > 31) {
                    errors.add(new FieldProblem(f + ".minimum", "须在 0 到 31 之间"));
                }
            }
        }
        return errors;
    }
}
