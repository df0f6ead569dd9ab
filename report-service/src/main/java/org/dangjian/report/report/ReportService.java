package org.dangjian.report.report;

import jakarta.annotation.PreDestroy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.contracts.org.OrgState;
import org.dangjian.report.compliance.RosterMember;
import org.dangjian.report.org.OrgReplica;
import org.springframework.stereotype.Service;

/**
 * Reads reports. Roll-ups aggregate at read time over the current tree: descendants by one multikey match on
 * {@code ancestors}, their yearly documents by one {@code $in}, summed here. A move is followed by the next read,
 * and an event costs one document write, not one per ancestor (see README for the measurement).
 */
@Service
public class ReportService {

    private final ProjectionReader reader;
    private final OrgReplica orgs;
    private final ReportBuilder builder = new ReportBuilder();
    private final ExecutorService readers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "report-read");
        t.setDaemon(true);
        return t;
    });

    public ReportService(ProjectionReader reader, OrgReplica orgs) {
        this.reader = reader;
        this.orgs = orgs;
    }

    /** The asOf instant for a date (end of that day in Asia/Shanghai), or now. */
    public static OffsetDateTime asOf(LocalDate date) {
        if (date == null) {
            return ZonedDateTime.now(CloudEventHeaders.CHINA).withNano(0).toOffsetDateTime();
        }
        return date.atTime(23, 59, 59).atZone(CloudEventHeaders.CHINA).toOffsetDateTime();
    }

    public Report report(String orgId, int year, OffsetDateTime asOf, boolean subtree) {
        OrgState org = orgs.find(orgId).orElse(null);
        if (!subtree) {
            YearData data = reader.load(orgId, year);
            if (data == null) {
                if (org == null) {
                    throw new ReportNotFoundException(orgId, year);
                }
                data = new YearData(Map.of(), List.of());
            }
            return builder.orgReport(orgId, org, year, asOf, data);
        }
        List<OrgState> descendants = orgs.descendants(orgId);
        List<String> ids = new ArrayList<>();
        ids.add(orgId);
        descendants.forEach(d -> ids.add(d.orgId()));
        // the two reads are independent: run them side by side (measured: each is about half of a county read)
        CompletableFuture<Map<String, List<RosterMember>>> rostersAsync =
                CompletableFuture.supplyAsync(() -> reader.rosters(ids), readers);
        Map<String, Map<String, Long>> counters = reader.counters(ids, year);
        Map<String, List<RosterMember>> rosters = rostersAsync.join();
        if (org == null && counters.isEmpty() && rosters.isEmpty()) {
            throw new ReportNotFoundException(orgId, year);
        }
        Map<String, Long> total = new HashMap<>();
        List<RosterMember> allMembers = new ArrayList<>();
        Map<String, Map<String, Long>> perChild = new LinkedHashMap<>();
        Map<String, List<RosterMember>> perChildRoster = new LinkedHashMap<>();
        Map<String, String> childNames = new LinkedHashMap<>();
        for (OrgState d : descendants) {
            if (orgId.equals(d.parentId())) {
                childNames.put(d.orgId(), d.name());
                perChild.put(d.orgId(), new HashMap<>());
                perChildRoster.put(d.orgId(), new ArrayList<>());
            }
        }
        for (String id : ids) {
            Map<String, Long> c = counters.getOrDefault(id, Map.of());
            List<RosterMember> r = rosters.getOrDefault(id, List.of());
            ReportBuilder.addInto(total, c);
            allMembers.addAll(r);
        }
        for (OrgState d : descendants) {
            String child = childOf(orgId, d);
            if (child == null || !perChild.containsKey(child)) {
                continue;
            }
            ReportBuilder.addInto(perChild.get(child), counters.getOrDefault(d.orgId(), Map.of()));
            perChildRoster.get(child).addAll(rosters.getOrDefault(d.orgId(), List.of()));
        }
        List<Report.Child> children = new ArrayList<>();
        perChild.forEach((child, c) -> children.add(builder.child(child, childNames.get(child), c,
                perChildRoster.get(child))));
        return builder.subtreeReport(orgId, org, year, asOf, total, allMembers, children);
    }

    /** Compliance of every branch below {@code orgId} that has data, by the current tree. */
    public List<BranchCompliance> branchCompliance(String orgId, int year, OffsetDateTime asOf) {
        List<BranchCompliance> out = new ArrayList<>();
        for (OrgState d : orgs.descendants(orgId)) {
            if (d.type() != org.dangjian.contracts.org.OrgType.BRANCH) {
                continue;
            }
            YearData data = reader.load(d.orgId(), year);
            if (data != null) {
                out.add(new BranchCompliance(d.orgId(), d.name(), builder.compliance(d, year, asOf.toLocalDate(), data)));
            }
        }
        return out;
    }

    /** The direct child of {@code root} whose subtree holds {@code d}. */
    private static String childOf(String root, OrgState d) {
        List<String> path = d.ancestors();
        int i = path == null ? -1 : path.indexOf(root);
        if (i < 0) {
            return null;
        }
        return i + 1 < path.size() ? path.get(i + 1) : d.orgId();
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }

    public OrgReplica orgs() {
        return orgs;
    }
}
