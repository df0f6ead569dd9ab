package org.dangjian.report.report;

import java.util.List;
import java.util.Map;
import org.dangjian.report.compliance.RosterMember;

/** What is stored for one (org, year): the counters (flat dotted names) and the org's roster. */
public record YearData(Map<String, Long> counters, List<RosterMember> roster) {

    public long get(String counter) {
        return counters.getOrDefault(counter, 0L);
    }
}
