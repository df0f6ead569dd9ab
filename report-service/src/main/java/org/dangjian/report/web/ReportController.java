package org.dangjian.report.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import org.dangjian.contracts.CallerHeaders;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.report.config.ReportProperties;
import org.dangjian.report.draft.DocxRenderer;
import org.dangjian.report.draft.Draft;
import org.dangjian.report.draft.DraftWriter;
import org.dangjian.report.rebuild.RebuildService;
import org.dangjian.report.report.Report;
import org.dangjian.report.report.ReportService;
import org.dangjian.report.stream.ReportStreams;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Reports, drafts, live streams and the rebuild command. */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final ReportService reports;
    private final ReportStreams streams;
    private final RebuildService rebuild;
    private final ReportProperties properties;
    private final CallerScope callerScope;
    private final DraftWriter drafts = new DraftWriter();
    private final DocxRenderer docx = new DocxRenderer();

    public ReportController(ReportService reports, ReportStreams streams, RebuildService rebuild,
            ReportProperties properties, CallerScope callerScope) {
        this.callerScope = callerScope;
        this.reports = reports;
        this.streams = streams;
        this.rebuild = rebuild;
        this.properties = properties;
    }

    @GetMapping("/{orgId}/{year}")
    public Report report(@PathVariable String orgId, @PathVariable int year,
            @RequestParam(defaultValue = "org") String scope, @RequestParam(required = false) LocalDate asOf,
            @RequestHeader(name = CallerHeaders.ORG, required = false) String callerOrg) {
        checkYear(year);
        callerScope.checkOrg(callerOrg, orgId);
        return reports.report(orgId, year, ReportService.asOf(asOf), subtree(scope));
    }

    @GetMapping("/{orgId}/{year}/draft")
    public ResponseEntity<?> draft(@PathVariable String orgId, @PathVariable int year,
            @RequestParam(defaultValue = "markdown") String format, @RequestParam(required = false) LocalDate asOf,
            @RequestHeader(name = CallerHeaders.ORG, required = false) String callerOrg) {
        checkYear(year);
        callerScope.checkOrg(callerOrg, orgId);
        if (!format.equals("markdown") && !format.equals("docx")) {
            throw new BadParameterException("format", "应为 markdown 或 docx");
        }
        Report report = reports.report(orgId, year, ReportService.asOf(asOf), false);
        Draft draft;
        if (report.orgType() != null && !"BRANCH".equals(report.orgType())) {
            // A committee reports on its whole subtree, and its problems are its branches' gaps.
            Report sub = reports.report(orgId, year, report.asOf(), true);
            draft = drafts.write(sub, reports.branchCompliance(orgId, year, report.asOf()));
        } else {
            draft = drafts.write(report);
        }
        if (format.equals("docx")) {
            return ResponseEntity.ok().contentType(DOCX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(orgId + "-" + year + ".docx", StandardCharsets.UTF_8).build().toString())
                    .body(docx.render(draft));
        }
        return ResponseEntity.ok().contentType(MARKDOWN).body(draft.markdown());
    }

    @GetMapping(path = "/{orgId}/{year}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@PathVariable String orgId, @PathVariable int year,
            @RequestParam(defaultValue = "org") String scope,
            @RequestHeader(name = CallerHeaders.ORG, required = false) String callerOrg) {
        checkYear(year);
        callerScope.checkOrg(callerOrg, orgId);
        return streams.open(orgId, year, subtree(scope));
    }

    @PostMapping("/admin/rebuild")
    public RebuildService.Result rebuild(
            @RequestHeader(name = CallerHeaders.ROLES, required = false) String roles) {
        callerScope.checkAdmin(roles);
        return rebuild.rebuild();
    }

    private static boolean subtree(String scope) {
        if (scope.equals("subtree")) {
            return true;
        }
        if (scope.equals("org")) {
            return false;
        }
        throw new BadParameterException("scope", "应为 org 或 subtree");
    }

    private void checkYear(int year) {
        int max = Year.now(CloudEventHeaders.CHINA).getValue() + 1;
        if (year < properties.minYear() || year > max) {
            throw new BadParameterException("year", "年份应在" + properties.minYear() + "至" + max + "之间");
        }
    }
}
