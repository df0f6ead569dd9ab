package org.dangjian.review.cycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dangjian.review.org.OrgNode;
import org.dangjian.review.problem.FieldProblem;
import org.dangjian.review.problem.ProblemException;

/** What makes a cycle acceptable. Plain Java, unit-tested. */
public final class CycleRules {

    static final int MAX_ORGS = 5_000;
    static final int MAX_DIMENSIONS = 50;

    private CycleRules() {
    }

    /** Shape of the request: missing fields, ranges, duplicates. Throws 400 naming every bad field. */
    public static void validate(OpenCycleRequest r) {
        List<FieldProblem> errors = new ArrayList<>();
        if (blank(r.committeeOrgId())) {
            errors.add(new FieldProblem("committeeOrgId", "必填"));
        }
        if (r.year() == null) {
            errors.add(new FieldProblem("year", "必填"));
        } else if (r.year() < 2000 || r.year() > 2100) {
            errors.add(new FieldProblem("year", "年度须在2000至2100之间"));
        }
        if (r.orgIds() == null || r.orgIds().isEmpty()) {
            errors.add(new FieldProblem("orgIds", "至少包含一个被评议的组织"));
        } else {
            if (r.orgIds().size() > MAX_ORGS) {
                errors.add(new FieldProblem("orgIds", "一次评议最多包含" + MAX_ORGS + "个组织"));
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < r.orgIds().size(); i++) {
                String id = r.orgIds().get(i);
                if (blank(id)) {
                    errors.add(new FieldProblem("orgIds[" + i + "]", "不能为空"));
                } else if (!seen.add(id)) {
                    errors.add(new FieldProblem("orgIds[" + i + "]", "重复的组织 " + id));
                } else if (id.equals(r.committeeOrgId())) {
                    errors.add(new FieldProblem("orgIds[" + i + "]", "党委不能评议自身"));
                }
            }
        }
        if (r.submissionDeadline() == null) {
            errors.add(new FieldProblem("submissionDeadline", "必填"));
        }
        if (r.reviewDeadline() == null) {
            errors.add(new FieldProblem("reviewDeadline", "必填"));
        }
        if (r.submissionDeadline() != null && r.reviewDeadline() != null
                && r.reviewDeadline().isBefore(r.submissionDeadline())) {
            errors.add(new FieldProblem("reviewDeadline", "评议截止日期不能早于提交截止日期"));
        }
        if (r.dimensions() == null || r.dimensions().isEmpty()) {
            errors.add(new FieldProblem("dimensions", "至少定义一个评分维度"));
        } else if (r.dimensions().size() > MAX_DIMENSIONS) {
            errors.add(new FieldProblem("dimensions", "评分维度最多" + MAX_DIMENSIONS + "个"));
        } else {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < r.dimensions().size(); i++) {
                Dimension d = r.dimensions().get(i);
                String at = "dimensions[" + i + "]";
                if (d == null) {
                    errors.add(new FieldProblem(at, "不能为空"));
                    continue;
                }
                if (blank(d.key())) {
                    errors.add(new FieldProblem(at + ".key", "必填"));
                } else if (!keys.add(d.key())) {
                    errors.add(new FieldProblem(at + ".key", "重复的维度 " + d.key()));
                }
                if (blank(d.name())) {
                    errors.add(new FieldProblem(at + ".name", "必填"));
                }
                if (d.weight() == null) {
                    errors.add(new FieldProblem(at + ".weight", "必填"));
                } else if (d.weight() < 1 || d.weight() > 1000) {
                    errors.add(new FieldProblem(at + ".weight", "权重须为1至1000的整数"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
    }

    /**
     * Every reviewed organisation must be known and lie strictly below the committee. Unknown or outside orgs
     * give 422, naming each one.
     */
    public static void checkSubtree(OpenCycleRequest r, Map<String, OrgNode> known) {
        OrgNode committee = known.get(r.committeeOrgId());
        if (committee == null) {
            throw ProblemException.unprocessable("unknown-org", "Unknown organisation",
                    "未知的党组织：" + r.committeeOrgId(),
                    List.of(new FieldProblem("committeeOrgId", "未知的党组织 " + r.committeeOrgId())));
        }
        List<FieldProblem> errors = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> outside = new LinkedHashSet<>();
        for (int i = 0; i < r.orgIds().size(); i++) {
            String id = r.orgIds().get(i);
            OrgNode node = known.get(id);
            if (node == null) {
                unknown.add(id);
                errors.add(new FieldProblem("orgIds[" + i + "]", "未知的党组织 " + id));
            } else if (!node.isDescendantOf(committee.orgId())) {
                outside.add(node.displayName() + "（" + id + "）");
                errors.add(new FieldProblem("orgIds[" + i + "]",
                        node.displayName() + "（" + id + "）不属于" + committee.displayName() + "的下级组织"));
            }
        }
        if (!outside.isEmpty()) {
            throw ProblemException.unprocessable("org-outside-subtree", "Organisation outside the committee's subtree",
                    String.join("、", outside) + " 不属于" + committee.displayName() + "（" + committee.orgId()
                            + "）的下级组织，不能纳入本次述职评议",
                    errors);
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("unknown-org", "Unknown organisation",
                    "未知的党组织：" + String.join("、", unknown), errors);
        }
    }

    public static Cycle open(String cycleId, OpenCycleRequest r, Instant now, String openedBy) {
        return new Cycle(cycleId, r.committeeOrgId(), r.year(), r.orgIds(), r.submissionDeadline(),
                r.reviewDeadline(), r.dimensions(), now, openedBy);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
