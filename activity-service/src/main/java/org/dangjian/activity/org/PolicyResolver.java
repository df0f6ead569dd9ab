package org.dangjian.activity.org;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dangjian.contracts.activity.MeetingType;
import org.dangjian.contracts.org.Frequency;
import org.dangjian.contracts.org.Policy;
import org.dangjian.contracts.org.Requirement;

/** Resolves an organisation's effective policy: defaults, then each ancestor's overrides root-first, then its own. */
public final class PolicyResolver {

    /** The minimums of the branch work regulations (DOMAIN.md), due by the 10th of the following month. */
    public static final Policy DEFAULTS = new Policy(List.of(
            new Requirement(MeetingType.BRANCH_MEMBER_ASSEMBLY, Frequency.QUARTERLY, 1),
            new Requirement(MeetingType.BRANCH_COMMITTEE, Frequency.MONTHLY, 1),
            new Requirement(MeetingType.PARTY_GROUP, Frequency.MONTHLY, 1),
            new Requirement(MeetingType.PARTY_LECTURE, Frequency.QUARTERLY, 1),
            new Requirement(MeetingType.THEME_PARTY_DAY, Frequency.MONTHLY, 1),
            new Requirement(MeetingType.ORGANIZATIONAL_LIFE, Frequency.YEARLY, 1),
            new Requirement(MeetingType.DEMOCRATIC_APPRAISAL, Frequency.YEARLY, 1)),
            10, null, true, 1);

    private PolicyResolver() {
    }

    /** @param overridesRootFirst the overrides of the ancestors root-first, then the organisation's own */
    public static Policy resolve(List<PolicyOverride> overridesRootFirst) {
        Map<MeetingType, Requirement> requirements = new LinkedHashMap<>();
        DEFAULTS.requirements().forEach(r -> requirements.put(r.meetingType(), r));
        int deadlineDay = DEFAULTS.deadlineDay();
        Integer themePartyDay = DEFAULTS.themePartyDay();
        boolean monthlyDues = DEFAULTS.monthlyDues();
        int talks = DEFAULTS.talksPerMember();
        for (PolicyOverride o : overridesRootFirst) {
            if (o == null) {
                continue;
            }
            if (o.requirements() != null) {
                for (Requirement r : o.requirements()) {
                    requirements.put(r.meetingType(), r);
                }
            }
            deadlineDay = o.deadlineDay() != null ? o.deadlineDay() : deadlineDay;
            themePartyDay = o.themePartyDay() != null ? o.themePartyDay() : themePartyDay;
            monthlyDues = o.monthlyDues() != null ? o.monthlyDues() : monthlyDues;
            talks = o.talksPerMember() != null ? o.talksPerMember() : talks;
        }
        List<Requirement> effective = new ArrayList<>();
        requirements.values().stream().filter(r -> r.minimum() > 0).forEach(effective::add);
        return new Policy(List.copyOf(effective), deadlineDay, themePartyDay, monthlyDues, talks);
    }
}
