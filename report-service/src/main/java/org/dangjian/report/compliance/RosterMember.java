package org.dangjian.report.compliance;

import java.time.YearMonth;
import org.dangjian.contracts.activity.MemberStage;

/**
 * One person on an organisation's roster as report-service derived it from member events.
 *
 * @param partySince first month the person owes dues to this organisation (admission, registration as a
 *                   member, or transfer in); null for non-members
 * @param left       month the person transferred out (owes nothing here from then on); null if still here
 */
public record RosterMember(String memberId, String name, MemberStage stage, YearMonth partySince, YearMonth left,
        boolean removed) {

    /** Whether this person owes this organisation dues for {@code month}. */
    public boolean owesDues(YearMonth month) {
        return !removed && stage != null && stage.isPartyMember() && partySince != null
                && !month.isBefore(partySince) && (left == null || month.isBefore(left));
    }
}
