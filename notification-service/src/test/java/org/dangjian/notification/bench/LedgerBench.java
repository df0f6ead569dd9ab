package org.dangjian.notification.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.activity.MemberStage;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.notification.ledger.ChaseRules;
import org.dangjian.notification.ledger.Ledger;
import org.dangjian.notification.ledger.LedgerEvent;
import org.dangjian.notification.ledger.OrgInfo;
import org.dangjian.notification.ledger.OrgView;

/**
 * How fast the ledger folds a branch and answers "what is owed as of today" (the in-memory part of a check).
 * Run: {@code mvn -B -o -q -pl notification-service test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.dangjian.notification.bench.LedgerBench}
 */
public final class LedgerBench {

    private LedgerBench() {
    }

    public static void main(String[] args) {
        int members = 50;
        List<LedgerEvent> events = new ArrayList<>();
        int id = 0;
        for (int m = 0; m < members; m++) {
            Instant at = at(LocalDate.of(2026, 1, 2));
            events.add(new LedgerEvent("e" + id++, "b", ActivityType.MEMBER_REGISTERED, at, at, null, "m" + m,
                    "党员" + m, MemberStage.FULL, LocalDate.of(2010, 7, 1), null, 0, 0, null, null, null));
            for (int month = 1; month <= 11; month++) {
                Instant paid = at(LocalDate.of(2026, month, 15));
                events.add(new LedgerEvent("e" + id++, "b", ActivityType.DUES_PAID, paid, paid, null, "m" + m, null,
                        null, null, YearMonth.of(2026, month), 1, 0, null, null, null));
            }
        }
        for (int month = 1; month <= 11; month++) {
            for (MeetingType type : List.of(MeetingType.BRANCH_COMMITTEE, MeetingType.PARTY_GROUP,
                    MeetingType.THEME_PARTY_DAY)) {
                Instant held = at(LocalDate.of(2026, month, 4));
                events.add(new LedgerEvent("e" + id++, "b", ActivityType.MEETING_HELD, held, held, type, null, null,
                        null, null, null, 0, 0, null, null, null));
            }
        }
        OrgInfo org = new OrgInfo("b", "第一支部", OrgType.BRANCH, "c", Ledger.defaultPolicy(), LocalDate.of(2026, 1, 1));
        Ledger ledger = new Ledger(ChaseRules.defaults());
        LocalDate asOf = LocalDate.of(2026, 12, 8);
        int due = 0;
        for (int i = 0; i < 2_000; i++) { // warm-up
            due = ledger.outstanding(OrgView.of(org, events, List.of()), asOf).size();
        }
        int rounds = 10_000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            due = ledger.outstanding(OrgView.of(org, events, List.of()), asOf).size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("ledger: %d events per branch (%d members), %.0f branch checks/s (%.1f µs each), %d notices due per check%n",
                events.size(), members, rounds / seconds, seconds * 1e6 / rounds, due);
    }

    private static Instant at(LocalDate day) {
        return LocalDateTime.of(day, java.time.LocalTime.of(9, 0)).atZone(CloudEventHeaders.CHINA).toInstant();
    }
}
