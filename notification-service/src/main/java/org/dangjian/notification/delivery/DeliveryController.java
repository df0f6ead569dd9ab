package org.dangjian.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.dangjian.contracts.CallerHeaders;
import org.dangjian.notification.inbox.PageView;
import org.dangjian.notification.web.ApiException;
import org.dangjian.notification.web.CallerScope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery queue, parked deliveries in particular, and putting a parked one back. */
@RestController
@RequestMapping("/api/notifications/deliveries")
public class DeliveryController {

    private final DeliveryStore deliveries;
    private final CallerScope scope;
    private final Clock clock;

    public DeliveryController(DeliveryStore deliveries, CallerScope scope, Clock clock) {
        this.deliveries = deliveries;
        this.scope = scope;
        this.clock = clock;
    }

    /** A delivery as the API shows it. */
    public record DeliveryView(String id, String notificationId, Channel channel, String target, String orgId,
            DeliveryStatus status, int attempts, String lastError, Instant createdAt, Instant updatedAt,
            Instant deliveredAt) {

        static DeliveryView of(DeliveryDoc d) {
            return new DeliveryView(d.id(), d.notificationId(), d.channel(), d.target(), d.recipientOrgId(),
                    d.status(), d.attempts(), d.lastError(), d.createdAt(), d.updatedAt(), d.deliveredAt());
        }
    }

    @GetMapping
    public PageView<DeliveryView> list(@RequestParam(required = false) DeliveryStatus status,
            @RequestParam(required = false) String orgId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestHeader(name = CallerHeaders.ORG, required = false) String callerOrg) {
        if (page < 0 || size < 1 || size > 200) {
            throw ApiException.invalid(List.of(new ApiException.FieldError(page < 0 ? "page" : "size", "取值超出范围")));
        }
        if (orgId != null) {
            scope.requireOrg(callerOrg, orgId);
        }
        String within = callerOrg == null || callerOrg.isBlank() ? null : callerOrg;
        List<DeliveryView> items = deliveries.page(status, orgId, within, page, size).stream()
                .map(DeliveryView::of).toList();
        return new PageView<>(items, page, size, deliveries.count(status, orgId, within));
    }

    @PostMapping("/{id}/retry")
    public DeliveryView retry(@PathVariable String id,
            @RequestHeader(name = CallerHeaders.ORG, required = false) String callerOrg) {
        DeliveryDoc d = deliveries.find(id).orElseThrow(() -> ApiException.notFound("投递" + id + "不存在"));
        scope.requireWithin(callerOrg, d.recipientPath());
        if (!deliveries.requeue(id, clock.instant())) {
            throw ApiException.conflict("illegal-transition", "只有已搁置（PARKED）的投递可以重新投递");
        }
        return DeliveryView.of(deliveries.find(id).orElseThrow());
    }
}
