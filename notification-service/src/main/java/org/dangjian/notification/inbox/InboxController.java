package org.dangjian.notification.inbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.dangjian.contracts.CallerHeaders;
import org.dangjian.notification.chase.ChaseService;
import org.dangjian.notification.chase.CheckResult;
import org.dangjian.notification.chase.NotificationDoc;
import org.dangjian.notification.chase.NotificationStatus;
import org.dangjian.notification.chase.NotificationStore;
import org.dangjian.notification.delivery.DeliveryStore;
import org.dangjian.notification.delivery.SettingsDoc;
import org.dangjian.notification.web.ApiException;
import org.dangjian.notification.web.CallerScope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox, its settings and the admin check. */
@RestController
@RequestMapping("/api/notifications")
public class InboxController {

    private static final int MAX_PAGE_SIZE = 200;

    private final NotificationStore notifications;
    private final DeliveryStore deliveries;
    private final ChaseService chase;
    private final CallerScope scope;
    private final Clock clock;

    public InboxController(NotificationStore notifications, DeliveryStore deliveries, ChaseService chase,
            CallerScope scope, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.chase = chase;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping
    public PageView<NotificationView> inbox(@RequestParam(required = false) String orgId,
            @RequestParam(required = false) NotificationStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestHeader(name = CallerHeaders.ORG, required = false) String callerOrg) {
        checkPaging(page, size);
        String org = orgId != null && !orgId.isBlank() ? orgId : callerOrg;
        scope.requireOrg(callerOrg, org);
        List<NotificationView> items = notifications.page(org, status, page, size).stream()
                .map(NotificationView::of).toList();
        return new PageView<>(items, page, size, notifications.count(org, status));
    }

    @GetMapping("/{id}")
    public NotificationView one(@PathVariable String id,
            @RequestHeader(name = CallerHeaders.ORG, required = false) String callerOrg) {
        return NotificationView.of(load(id, callerOrg));
    }

    @PostMapping("/{id}/ack")
    public NotificationView acknowledge(@PathVariable String id,
            @RequestHeader(name = CallerHeaders.ORG, required = false) String callerOrg) {
        NotificationDoc n = load(id, callerOrg);
        if (n.status() == NotificationStatus.CLOSED) {
            throw ApiException.conflict("illegal-transition", "该通知已关闭，无需确认");
        }
        notifications.acknowledge(id, clock.instant());
        return NotificationView.of(notifications.find(id).orElseThrow());
    }

    @PutMapping("/settings/{orgId}")
    public SettingsDoc putSettings(@PathVariable String orgId, @RequestBody SettingsRequest body,
            @RequestHeader(name = CallerHeaders.ORG, required = false) String callerOrg) {
        scope.requireOrg(callerOrg, orgId);
        if (body == null) {
            throw ApiException.invalid(List.of(new ApiException.FieldError("body", "不能为空")));
        }
        var problems = body.problems();
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        SettingsDoc doc = new SettingsDoc(orgId, body.webhookUrl() == null || body.webhookUrl().isBlank() ? null
                : body.webhookUrl(), body.emails() == null ? List.of() : List.copyOf(body.emails()), clock.instant());
        deliveries.saveSettings(doc);
        return doc;
    }

    @GetMapping("/settings/{orgId}")
    public SettingsDoc getSettings(@PathVariable String orgId,
            @RequestHeader(name = CallerHeaders.ORG, required = false) String callerOrg) {
        scope.requireOrg(callerOrg, orgId);
        return deliveries.settings(orgId).orElse(new SettingsDoc(orgId, null, List.of(), null));
    }

    /** Runs the chase as of a day (default: today in Asia/Shanghai). Admin only. */
    @PostMapping("/checks")
    public CheckResult check(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestHeader(name = CallerHeaders.ROLES, required = false) String roles) {
        scope.requireRole(roles, "ADMIN");
        return chase.check(asOf == null ? chase.today() : asOf);
    }

    private NotificationDoc load(String id, String callerOrg) {
        NotificationDoc n = notifications.find(id).orElseThrow(() -> ApiException.notFound("通知" + id + "不存在"));
        scope.requireWithin(callerOrg, n.recipientPath());
        return n;
    }

    static void checkPaging(int page, int size) {
        if (page < 0) {
            throw ApiException.invalid(List.of(new ApiException.FieldError("page", "不能小于0")));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.invalid(List.of(new ApiException.FieldError("size", "应在1到" + MAX_PAGE_SIZE + "之间")));
        }
    }
}
