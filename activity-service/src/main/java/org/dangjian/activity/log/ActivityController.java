package org.dangjian.activity.log;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dangjian.activity.config.ActivityProperties;
import org.dangjian.activity.error.ApiException;
import org.dangjian.activity.error.FieldProblem;
import org.dangjian.activity.org.OrgService;
import org.dangjian.activity.web.Caller;
import org.dangjian.contracts.activity.ActivityType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/activities")
public class ActivityController {

    /** The answer to a stored (or already stored) event. */
    public record Receipt(String eventId, IngestService.Status status, Instant recordedAt) {
    }

    /** One line of a batch answer; {@code errors} and {@code detail} only for a rejected event. */
    public record BatchResult(int index, String eventId, IngestService.Status status, Instant recordedAt,
            Integer httpStatus, String type, String detail, List<FieldProblem> errors) {
    }

    public record BatchReceipt(int accepted, int duplicates, int rejected, List<BatchResult> results) {
    }

    public record LogEntry(String eventId, String orgId, ActivityType type, String typeLabel, String occurredAt,
            Instant recordedAt, Map<String, Object> payload, String voidedBy) {

        static LogEntry of(StoredEvent e) {
            return new LogEntry(e.eventId(), e.orgId(), e.type(), e.type().label(),
                    e.occurredAt().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    e.recordedAt(), e.payload(), e.voidedBy());
        }
    }

    public record LogPage(List<LogEntry> items, int page, int size, long total) {
    }

    private final IngestService ingest;
    private final ActivityStore store;
    private final OrgService orgs;
    private final ActivityProperties properties;

    public ActivityController(IngestService ingest, ActivityStore store, OrgService orgs,
            ActivityProperties properties) {
        this.ingest = ingest;
        this.store = store;
        this.orgs = orgs;
        this.properties = properties;
    }

    @PostMapping
    public ResponseEntity<Receipt> post(@RequestBody JsonNode body, HttpServletRequest request) {
        IngestService.Outcome o = ingest.acceptOrDuplicate(body, Caller.of(request));
        return ResponseEntity.accepted().body(new Receipt(o.eventId(), o.status(), o.recordedAt()));
    }

    @PostMapping("/batch")
    public ResponseEntity<BatchReceipt> batch(@RequestBody JsonNode body, HttpServletRequest request) {
        JsonNode events = body != null && body.isObject() ? body.get("events") : body;
        if (events == null || !events.isArray()) {
            throw ApiException.badRequest(List.of(new FieldProblem("events", "须为事件数组（或请求体直接为数组）")));
        }
        if (events.size() > properties.maxBatchSize()) {
            throw ApiException.tooLarge("events", "一批最多 " + properties.maxBatchSize() + " 条事件，本批 " + events.size() + " 条");
        }
        List<JsonNode> list = new ArrayList<>(events.size());
        events.forEach(list::add);
        List<IngestService.Outcome> outcomes = ingest.acceptBatch(list, Caller.of(request));
        List<BatchResult> results = new ArrayList<>(outcomes.size());
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            IngestService.Outcome o = outcomes.get(i);
            switch (o.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                default -> rejected++;
            }
            ApiException p = o.problem();
            results.add(new BatchResult(i, o.eventId(), o.status(), o.recordedAt(), p == null ? null : p.status(),
                    p == null ? null : "urn:dangjian:problem:" + p.slug(), p == null ? null : p.detail(),
                    p == null || p.errors().isEmpty() ? null : p.errors()));
        }
        return ResponseEntity.ok(new BatchReceipt(accepted, duplicates, rejected, results));
    }

    @PostMapping("/{eventId}/void")
    public ResponseEntity<Receipt> voidEvent(@PathVariable String eventId, @RequestBody JsonNode body,
            HttpServletRequest request) {
        JsonNode reason = body == null ? null : body.get("reason");
        if (reason == null || !reason.isString() || reason.asString().isBlank()) {
            throw ApiException.badRequest(List.of(new FieldProblem("reason", "必填，须说明作废原因")));
        }
        if (reason.asString().length() > 500) {
            throw ApiException.badRequest(List.of(new FieldProblem("reason", "不能超过 500 个字符")));
        }
        IngestService.Outcome o = ingest.voidEvent(eventId, reason.asString(), Caller.of(request));
        return ResponseEntity.accepted().body(new Receipt(o.eventId(), o.status(), o.recordedAt()));
    }

    @GetMapping("/{eventId}")
    public LogEntry get(@PathVariable String eventId, HttpServletRequest request) {
        StoredEvent e = store.find(eventId).orElseThrow(() -> ApiException.notFound("事件不存在：" + eventId));
        orgs.checkScope(e.orgId(), Caller.of(request));
        return LogEntry.of(e);
    }

    @GetMapping
    public LogPage list(@RequestParam String orgId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) ActivityType type, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldProblem("page", "不能为负数"));
        }
        if (size < 1 || size > 500) {
            errors.add(new FieldProblem("size", "须在 1 到 500 之间"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        orgs.get(orgId, Caller.of(request));
        ActivityStore.Page p = store.list(orgId, year, type, page, size);
        return new LogPage(p.items().stream().map(LogEntry::of).toList(), page, size, p.total());
    }
}
