package org.dangjian.report.report;

import org.dangjian.report.compliance.Compliance;

/** One branch below an org with what its compliance shows (for a committee's draft). */
public record BranchCompliance(String orgId, String name, Compliance compliance) {
}
