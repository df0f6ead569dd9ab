package org.dangjian.report.projection;

import java.util.Collection;
import java.util.Set;

/** Told after a batch has been written: which (orgId, year) projections changed and which events were counted. */
public interface ProjectionListener {

    void changed(Set<OrgYear> changed, Collection<String> eventIds);

    record OrgYear(String orgId, int year) {
    }
}
