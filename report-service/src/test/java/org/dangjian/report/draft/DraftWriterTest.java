package org.dangjian.report.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dangjian.contracts.activity.ActivityEvent;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.report.Fixtures;
import org.dangjian.report.compliance.ComplianceEvaluator;
import org.dangjian.report.compliance.RosterMember;
import org.dangjian.report.projection.ActivityFold;
import org.dangjian.report.projection.CounterDelta;
import org.dangjian.report.report.Report;
import org.dangjian.report.report.ReportBuilder;
import org.dangjian.report.report.YearData;
import org.junit.jupiter.api.Test;

/** A fixture year folded into counters, reported, drafted: the draft's numbers are the projection's. */
class DraftWriterTest {

    private static Report fixtureReport() {
        ActivityFold fold = Fixtures.fold();
        List<ActivityEvent> year = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            String month = String.format("2026-%02d-04T09:00:00+08:00", m);
            if (m != 3 && m != 7) {
                year.add(Fixtures.meeting("b1", "BRANCH_COMMITTEE", month));
            }
            year.add(Fixtures.meeting("b1", "THEME_PARTY_DAY", month));
            year.add(Fixtures.meeting("b1", "PARTY_GROUP", month));
            if (m % 3 == 0) {
                year.add(Fixtures.meeting("b1", "BRANCH_MEMBER_ASSEMBLY", month));
                year.add(Fixtures.event("b1", ActivityType.MEETING_HELD, month, Map.of("meetingType", "PARTY_LECTURE",
                        "attendees", 9, "expected", 10, "topic", "党课", "lecturer",
                        Map.of("name", "专家", "role", m == 6 ? "INVITED_EXPERT" : "SECRETARY"))));
            }
            year.add(Fixtures.event("b1", ActivityType.DUES_PAID, month,
                    Map.of("memberId", "m1", "period", String.format("2026-%02d", m), "amountFen", 557_87)));
        }
        year.add(Fixtures.event("b1", ActivityType.MEMBER_REGISTERED, "2026-01-02T09:00:00+08:00",
                Map.of("memberId", "m1", "name", "张三", "stage", "FULL", "since", "2010-01-01")));
        year.add(Fixtures.event("b1", ActivityType.MEMBER_REGISTERED, "2026-01-02T09:00:00+08:00",
                Map.of("memberId", "m2", "name", "李四", "stage", "DEVELOPMENT_TARGET", "since", "2025-06-01")));
        year.add(Fixtures.event("b1", ActivityType.MEMBER_ADMITTED, "2026-05-02T09:00:00+08:00",
                Map.of("memberId", "m2")));
        year.add(Fixtures.event("b1", ActivityType.CARE_VISIT, "2026-01-20T09:00:00+08:00",
                Map.of("persons", 7, "note", "春节慰问")));
        year.add(Fixtures.meeting("b1", "ORGANIZATIONAL_LIFE", "2026-12-20T09:00:00+08:00"));
        Map<String, Long> counters = new HashMap<>();
        Map<String, Object> roster = new HashMap<>();
        for (ActivityEvent e : year) {
            var r = fold.fold(e);
            for (CounterDelta d : r.counters()) {
                if (d.year() == 2026) {
                    d.inc().forEach((k, v) -> counters.merge(k, v, Long::sum));
                }
            }
            r.roster().forEach(c -> roster.putAll(c.set()));
        }
        List<RosterMember> members = List.of(
                new RosterMember("m1", "张三", org.dangjian.contracts.activity.MemberStage.FULL,
                        java.time.YearMonth.of(2010, 1), null, false),
                new RosterMember("m2", "李四", org.dangjian.contracts.activity.MemberStage.PROBATIONARY,
                        java.time.YearMonth.of(2026, 5), null, false));
        assertThat(roster).containsEntry("members.m2.stage", "PROBATIONARY").containsEntry("members.m2.partySince", "2026-05");
        OrgState org = new OrgState("b1", "机关联合党支部", OrgType.BRANCH, "c1", List.of("c1"),
                ComplianceEvaluator.DEFAULT_POLICY, Instant.now(), 1);
        return new ReportBuilder().orgReport("b1", org, 2026, OffsetDateTime.parse("2027-01-15T10:00:00+08:00"),
                new YearData(counters, members));
    }

    @Test
    void everyNumberInTheMarkdownComesFromTheProjection() {
        Report r = fixtureReport();
        String md = new DraftWriter().write(r).markdown();
        long lectures = r.meetings().get("PARTY_LECTURE").count();
        assertThat(md).startsWith("# 机关联合党支部2026年度党支部书记抓党建工作述职报告")
                .contains("全年共组织召开支部党员大会" + r.meetings().get("BRANCH_MEMBER_ASSEMBLY").count() + "次，支部委员会"
                        + r.meetings().get("BRANCH_COMMITTEE").count() + "次，党小组会" + r.meetings().get("PARTY_GROUP").count()
                        + "次，讲党课" + lectures + "次，主题党日活动" + r.meetings().get("THEME_PARTY_DAY").count() + "次")
                .contains("收缴党费" + r.dues().totalYuan() + "元")
                .contains("发展预备党员" + r.membership().admitted() + "名，预备党员转正" + r.membership().confirmed() + "名")
                .contains("慰问老党员、生活困难党员" + r.care().personTimes() + "人次")
                .contains("书记讲党课" + r.lecturers().get("SECRETARY") + "次")
                .contains("2026年3月、7月未召开支部委员会")
                .contains("未开展民主评议党员")
                .contains("## 二、存在的问题").endsWith("## 三、下一步工作打算\n\n");
        // the fixture's own numbers, so the test fails if the projection or the text drifts
        assertThat(md).contains("支部党员大会4次，支部委员会10次，党小组会12次，讲党课4次，主题党日活动12次")
                .contains("收缴党费6694.44元");
        // and no number appears that the report does not hold
        List<String> allowed = new ArrayList<>(List.of("2026", "2027", "1", "15", "3", "7", "2"));
        r.meetings().values().forEach(s -> {
            allowed.add(String.valueOf(s.count()));
            allowed.add(String.valueOf(s.attendees()));
            allowed.add(String.valueOf(s.expected()));
        });
        long att = r.meetings().values().stream().mapToLong(Report.MeetingStats::attendees).sum();
        long exp = r.meetings().values().stream().mapToLong(Report.MeetingStats::expected).sum();
        allowed.addAll(List.of(String.valueOf(att), String.valueOf(exp), r.dues().totalYuan(),
                String.valueOf(r.dues().payments()), String.valueOf(r.care().personTimes()),
                String.valueOf(r.membership().partyMembers()), "0"));
        r.lecturers().values().forEach(v -> allowed.add(String.valueOf(v)));
        Matcher m = Pattern.compile("\\d+(\\.\\d{2})?").matcher(md);
        while (m.find()) {
            assertThat(allowed).as("number %s in the draft", m.group()).contains(m.group());
        }
    }

    @Test
    void docxOpensWithPoiAndHoldsTheSameText() throws Exception {
        Draft draft = new DraftWriter().write(fixtureReport());
        byte[] docx = new DocxRenderer().render(draft);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            String text = extractor.getText();
            assertThat(text).contains(draft.title());
            for (Draft.Block b : draft.blocks()) {
                assertThat(text).contains(b.text());
            }
        }
    }
}
