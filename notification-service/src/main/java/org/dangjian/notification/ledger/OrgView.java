package org.dangjian.notification.ledger;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.dangjian.contracts.activity.ActivityType;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.activity.MemberStage;

/**
 * Everything known about one organisation: its settings, what it did (meetings per month), its roster with dues,
 * and its rectification items. Built by folding the organisation's activity events in the order they happened,
 * voided events left out.
 */
public final class OrgView {

    private static final Comparator<LedgerEvent> HAPPENED = Comparator.comparing(LedgerEvent::occurredAt)
            .thenComparing(e -> e.recordedAt() == null ? Instant.EPOCH : e.recordedAt())
            .thenComparing(LedgerEvent::eventId);

    private final OrgInfo org;
    private final Map<MeetingType, Map<YearMonth, Integer>> meetings = new EnumMap<>(MeetingType.class);
    private final Map<String, MemberState> members;
    private final List<RectificationInfo> rectifications;

    private OrgView(OrgInfo org, Map<String, MemberState> members, List<RectificationInfo> rectifications) {
        this.org = org;
        this.members = members;
        this.rectifications = rectifications;
    }

    public static OrgView of(OrgInfo org, Collection<LedgerEvent> events, Collection<RectificationInfo> rectifications) {
        Set<String> voided = events.stream().filter(e -> e.type() == ActivityType.ACTIVITY_VOIDED)
                .map(LedgerEvent::voidedEventId).filter(Objects::nonNull).collect(Collectors.toSet());
        List<LedgerEvent> live = events.stream()
                .filter(e -> e.type() != ActivityType.ACTIVITY_VOIDED && !voided.contains(e.eventId()))
                .sorted(HAPPENED).toList();
        Map<String, Builder> roster = new LinkedHashMap<>();
        OrgView view = new OrgView(org, new LinkedHashMap<>(), List.copyOf(rectifications));
        for (LedgerEvent e : live) {
            if (e.type() == ActivityType.MEETING_HELD) {
                if (e.meetingType() != null) {
                    view.meetings.computeIfAbsent(e.meetingType(), t -> new HashMap<>()).merge(e.month(), 1,
                            Integer::sum);
                }
            } else if (e.memberId() != null) {
                roster.computeIfAbsent(e.memberId(), Builder::new).apply(e, org.orgId());
            }
        }
        roster.forEach((id, b) -> view.members.put(id, b.build()));
        return view;
    }

    public OrgInfo org() {
        return org;
    }

    /** Meetings of a type held in the period (by the day they happened). */
    public int meetingsIn(MeetingType type, Period period) {
        Map<YearMonth, Integer> perMonth = meetings.getOrDefault(type, Map.of());
        int held = 0;
        YearMonth last = YearMonth.from(period.end());
        for (YearMonth m = YearMonth.from(period.start()); !m.isAfter(last); m = m.plusMonths(1)) {
            held += perMonth.getOrDefault(m, 0);
        }
        return held;
    }

    public Collection<MemberState> members() {
        return members.values();
    }

    public MemberState member(String memberId) {
        return members.get(memberId);
    }

    public List<RectificationInfo> rectifications() {
        return rectifications;
    }

    public RectificationInfo rectification(String id) {
        return rectifications.stream().filter(r -> r.rectificationId().equals(id)).findFirst().orElse(null);
    }

    /** Folds one person's events. */
    private static final class Builder {
        private final String memberId;
        private String name;
        private MemberStage stage;
        private java.time.LocalDate stageSince;
        private java.time.LocalDate admittedOn;
        private int extensionMonths;
        private YearMonth duesFrom;
        private boolean active = true;
        private final Set<YearMonth> paid = new HashSet<>();

        Builder(String memberId) {
            this.memberId = memberId;
        }

        void apply(LedgerEvent e, String orgId) {
            if (e.name() != null && !e.name().isBlank()) {
                name = e.name();
            }
            switch (e.type()) {
                case MEMBER_REGISTERED -> {
                    active = true;
                    enter(e.stage(), e.since() != null ? e.since() : e.day(), e.month());
                }
                case APPLICATION_RECEIVED -> enter(MemberStage.APPLICANT, e.day(), e.month());
                case ACTIVIST_DESIGNATED -> enter(MemberStage.ACTIVIST, e.day(), e.month());
                case DEVELOPMENT_TARGET_DESIGNATED -> enter(MemberStage.DEVELOPMENT_TARGET, e.day(), e.month());
                case MEMBER_ADMITTED -> {
                    enter(MemberStage.PROBATIONARY, e.day(), e.month());
                    extensionMonths = 0;
                }
                case MEMBER_CONFIRMED -> enter(MemberStage.FULL, e.day(), e.month());
                case PROBATION_EXTENDED -> extensionMonths = e.extensionMonths();
                case MEMBER_TRANSFERRED_IN -> {
                    if (e.toOrgId() == null || e.toOrgId().equals(orgId)) {
                        active = true;
                        duesFrom = null;
                        if (e.stage() != null) {
                            enter(e.stage(), e.since() != null ? e.since() : e.day(), e.month());
                        } else if (stage != null && stage.isPartyMember()) {
                            duesFrom = e.month();
                        }
                    }
                }
                case MEMBER_TRANSFERRED_OUT -> {
                    if (e.fromOrgId() == null || e.fromOrgId().equals(orgId)) {
                        active = false;
                    }
                }
                case DUES_PAID -> {
                    if (e.duesPeriod() != null) {
                        for (int i = 0; i < Math.max(1, e.duesMonths()); i++) {
                            paid.add(e.duesPeriod().plusMonths(i));
                        }
                    }
                }
                default -> {
                }
            }
        }

        /** A new stage; becoming a party member here starts dues from the month it happened on this roster. */
        private void enter(MemberStage newStage, java.time.LocalDate since, YearMonth recordedMonth) {
            if (newStage == null) {
                return;
            }
            if (newStage == MemberStage.PROBATIONARY) {
                admittedOn = since;
            }
            if (newStage.isPartyMember() && duesFrom == null) {
                duesFrom = recordedMonth;
            }
            stage = newStage;
            stageSince = since;
        }

        MemberState build() {
            return new MemberState(memberId, name, stage, stageSince, admittedOn, extensionMonths, duesFrom, active,
                    Set.copyOf(paid));
        }
    }
}
