package org.dangjian.report.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.dangjian.contracts.activity.LecturerRole;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.report.compliance.Compliance;
import org.dangjian.report.report.Report;
import org.dangjian.report.report.BranchCompliance;

/**
 * Drafts the 述职报告 from a report, in the seeds' structure: 一、履职情况 with the numbers, 二、存在的问题 from the
 * compliance gaps, 三、下一步工作打算 left to the secretary. Plain Java.
 */
public final class DraftWriter {

    private static final String[] QUARTERS = {"", "第一季度", "第二季度", "第三季度", "第四季度"};

    public Draft write(Report r) {
        return write(r, null);
    }

    /**
     * @param branches for a committee: its branches' compliance, which fills 二、存在的问题 (null for a branch, whose
     *                 own compliance does)
     */
    public Draft write(Report r, List<BranchCompliance> branches) {
        String name = r.orgName() == null ? r.orgId() : r.orgName();
        boolean branch = r.orgType() == null || OrgType.BRANCH.name().equals(r.orgType());
        String title = name + r.year() + (branch ? "年度党支部书记抓党建工作述职报告" : "年度党组织书记抓基层党建工作述职报告");
        LocalDate asOf = r.asOf().toLocalDate();
        boolean wholeYear = asOf.getYear() > r.year();
        List<Draft.Block> blocks = new ArrayList<>();
        String period = wholeYear ? "一年来" : "截至" + date(asOf);
        blocks.add(p(r.year() + "年，在上级党组织的坚强领导下，" + name + "认真履行抓党建工作第一责任人职责，严格落实“三会一课”等党内组织生活制度，"
                + "把党建工作与业务工作同部署、同落实，较好地完成了各项党建工作任务。现将" + period + "抓党建工作履职情况报告如下："));
        blocks.add(h("一、履职情况"));
        String all = wholeYear ? "全年" : "年内";
        if (!branch && r.children() != null) {
            blocks.add(p("（一）基本情况。" + name + "下设" + r.children().size() + "个党组织，共有中共党员"
                    + r.membership().partyMembers() + "名。"));
        }
        StringBuilder life = new StringBuilder(branch ? "（一）严肃党内政治生活。" : "（二）严肃党内政治生活。");
        life.append(all).append("共组织召开支部党员大会").append(count(r, MeetingType.BRANCH_MEMBER_ASSEMBLY))
                .append("次，支部委员会").append(count(r, MeetingType.BRANCH_COMMITTEE)).append("次，党小组会")
                .append(count(r, MeetingType.PARTY_GROUP)).append("次，讲党课").append(count(r, MeetingType.PARTY_LECTURE))
                .append("次，主题党日活动").append(count(r, MeetingType.THEME_PARTY_DAY)).append("次，召开组织生活会")
                .append(count(r, MeetingType.ORGANIZATIONAL_LIFE)).append("次，开展民主评议党员")
                .append(count(r, MeetingType.DEMOCRATIC_APPRAISAL)).append("次。");
        StringJoiner lecturers = new StringJoiner("，");
        for (LecturerRole role : LecturerRole.values()) {
            long n = r.lecturers().getOrDefault(role.name(), 0L);
            if (n > 0) {
                lecturers.add(role.label() + "讲党课" + n + "次");
            }
        }
        if (lecturers.length() > 0) {
            life.append("其中").append(lecturers).append("。");
        }
        long attendees = 0;
        long expected = 0;
        for (Report.MeetingStats s : r.meetings().values()) {
            attendees += s.attendees();
            expected += s.expected();
        }
        if (expected > 0) {
            life.append("各类会议和活动应到党员").append(expected).append("人次，实到").append(attendees).append("人次。");
        }
        blocks.add(p(life.toString()));
        String n2 = branch ? "（二）" : "（三）";
        blocks.add(p(n2 + "强化理论武装。" + all + "开展集中学习" + count(r, MeetingType.STUDY_SESSION) + "次，专题研讨"
                + count(r, MeetingType.SEMINAR) + "次，廉政警示教育" + count(r, MeetingType.INTEGRITY_EDUCATION)
                + "次，召开党风廉政建设专题会议" + count(r, MeetingType.INTEGRITY_MEETING) + "次，开展结对共建活动"
                + count(r, MeetingType.TWINNING) + "次，深入调研" + count(r, MeetingType.RESEARCH_VISIT) + "次。"));
        Report.Membership m = r.membership();
        Map<String, Long> pipeline = m.pipeline();
        blocks.add(p((branch ? "（三）" : "（四）") + "严把党员发展质量。年内，发展预备党员" + m.admitted() + "名，预备党员转正"
                + m.confirmed() + "名，延长预备期" + m.extended() + "名，确定发展对象" + m.developmentTargets() + "名、入党积极分子"
                + m.activists() + "名，接收入党申请" + m.applications() + "份；办理" + m.transferredIn() + "名党员的党组织关系转入和"
                + m.transferredOut() + "名党员党组织关系转出。现有党员" + m.partyMembers() + "名，其中正式党员"
                + pipeline.getOrDefault("FULL", 0L) + "名、预备党员" + pipeline.getOrDefault("PROBATIONARY", 0L) + "名。"));
        blocks.add(p((branch ? "（四）" : "（五）") + "规范党费收缴。" + all + "共收缴党费" + r.dues().totalYuan() + "元，共"
                + r.dues().payments() + "笔。"));
        blocks.add(p((branch ? "（五）" : "（六）") + "大力开展党内关爱。开展谈心谈话" + r.talks().count() + "次、"
                + r.talks().persons() + "人次；慰问老党员、生活困难党员" + r.care().personTimes() + "人次；组织志愿服务活动"
                + r.volunteer().count() + "次，参与党员群众" + r.volunteer().participants() + "人次。"));
        blocks.add(h("二、存在的问题"));
        blocks.addAll(branches == null ? problems(r, asOf) : branchProblems(branches, asOf));
        blocks.add(h("三、下一步工作打算"));
        return new Draft(title, blocks);
    }

    private List<Draft.Block> problems(Report r, LocalDate asOf) {
        List<Draft.Block> out = new ArrayList<>();
        Compliance c = r.compliance();
        if (c == null) {
            return out;
        }
        int n = 1;
        StringJoiner life = new StringJoiner("；");
        c.monthsWithout().forEach((type, months) -> {
            StringJoiner js = new StringJoiner("、");
            months.forEach(mo -> js.add(mo + "月"));
            life.add(r.year() + "年" + js + missing(type));
        });
        c.quartersWithout().forEach((type, quarters) -> {
            StringJoiner js = new StringJoiner("、");
            quarters.forEach(q -> js.add(QUARTERS[q]));
            life.add(r.year() + "年" + js + missing(type));
        });
        c.yearlyMissing().forEach(type -> life.add(r.year() + "年度" + missing(type)));
        if (life.length() > 0) {
            out.add(p(n++ + ".“三会一课”等组织生活制度执行不够严格。截至" + date(asOf) + "，" + life + "。"));
        }
        if (!c.unpaidDues().isEmpty()) {
            StringJoiner who = new StringJoiner("、");
            int months = 0;
            for (Compliance.UnpaidDues u : c.unpaidDues()) {
                months += u.months().size();
                if (who.length() < 60) {
                    who.add((u.name() == null ? u.memberId() : u.name()) + "（" + u.months().size() + "个月）");
                }
            }
            out.add(p(n++ + ".党费收缴不够及时。截至" + date(asOf) + "，" + who + "等" + c.unpaidDues().size()
                    + "名党员存在未缴党费月份，共" + months + "个月。"));
        }
        if (!c.missingTalks().isEmpty()) {
            out.add(p(n++ + ".谈心谈话未实现全覆盖。" + r.year() + "年度有" + c.missingTalks().size() + "名党员未达到谈心谈话要求。"));
        }
        if (n == 1) {
            out.add(p("1.对照组织生活制度要求，截至" + date(asOf) + "，数据未显示应开未开的组织生活和欠缴党费情况。"));
        }
        return out;
    }

    private List<Draft.Block> branchProblems(List<BranchCompliance> branches, LocalDate asOf) {
        List<Draft.Block> out = new ArrayList<>();
        StringJoiner life = new StringJoiner("；");
        StringJoiner dues = new StringJoiner("、");
        int lifeCount = 0;
        int duesCount = 0;
        int members = 0;
        for (BranchCompliance b : branches) {
            Compliance c = b.compliance();
            String name = b.name() == null ? b.orgId() : b.name();
            if (!c.gaps().isEmpty()) {
                lifeCount++;
                if (lifeCount <= 10) {
                    StringJoiner what = new StringJoiner("，");
                    c.monthsWithout().forEach((type, months) -> what.add(months.size() + "个月" + missing(type)));
                    c.quartersWithout().forEach((type, qs) -> what.add(qs.size() + "个季度" + missing(type)));
                    c.yearlyMissing().forEach(type -> what.add("全年" + missing(type)));
                    life.add(name + "（" + what + "）");
                }
            }
            if (!c.unpaidDues().isEmpty()) {
                duesCount++;
                members += c.unpaidDues().size();
                if (duesCount <= 10) {
                    dues.add(name);
                }
            }
        }
        int n = 1;
        if (lifeCount > 0) {
            out.add(p(n++ + ".对下属党支部督促指导还不够到位，“三会一课”等组织生活制度执行不够严格。截至" + date(asOf) + "，共有"
                    + lifeCount + "个党支部存在应开未开的组织生活：" + life + (lifeCount > 10 ? "等" : "") + "。"));
        }
        if (duesCount > 0) {
            out.add(p(n++ + ".党费收缴管理不够严格。截至" + date(asOf) + "，" + dues + (duesCount > 10 ? "等" : "") + duesCount
                    + "个党支部共有" + members + "名党员存在未缴党费月份。"));
        }
        if (n == 1) {
            out.add(p("1.对照组织生活制度要求，截至" + date(asOf) + "，数据未显示下属党支部存在应开未开的组织生活和欠缴党费情况。"));
        }
        return out;
    }

    private static String missing(MeetingType type) {
        return switch (type) {
            case BRANCH_MEMBER_ASSEMBLY -> "未召开支部党员大会";
            case BRANCH_COMMITTEE -> "未召开支部委员会";
            case PARTY_GROUP -> "未召开党小组会";
            case PARTY_LECTURE -> "未讲党课";
            case THEME_PARTY_DAY -> "未开展主题党日活动";
            case ORGANIZATIONAL_LIFE -> "未召开组织生活会";
            case DEMOCRATIC_APPRAISAL -> "未开展民主评议党员";
            default -> "未开展" + type.label();
        };
    }

    private static long count(Report r, MeetingType t) {
        Report.MeetingStats s = r.meetings().get(t.name());
        return s == null ? 0 : s.count();
    }

    private static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static Draft.Block h(String text) {
        return new Draft.Block(Draft.Kind.HEADING, text);
    }

    private static Draft.Block p(String text) {
        return new Draft.Block(Draft.Kind.PARAGRAPH, text);
    }
}
