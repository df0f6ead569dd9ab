package org.dangjian.review.rectification;

import java.time.LocalDate;
import java.util.List;

import org.dangjian.review.cycle.ChinaCalendar;
import org.dangjian.review.rectification.RectificationViews.CheckResult;
import org.dangjian.review.rectification.RectificationViews.PatchRequest;
import org.dangjian.review.rectification.RectificationViews.RectificationView;
import org.dangjian.review.web.Caller;
import org.dangjian.review.web.CallerScope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reviews")
public class RectificationController {

    private final RectificationService service;
    private final CallerScope scope;
    private final java.time.Clock clock;

    public RectificationController(RectificationService service, CallerScope scope, java.time.Clock clock) {
        this.service = service;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/rectifications")
    public List<RectificationView> list(@RequestParam(required = false) String orgId,
            @RequestParam(required = false) String committeeOrgId,
            @RequestParam(required = false) List<RectificationStatus> status, Caller caller) {
        return service.list(orgId, committeeOrgId, status, caller);
    }

    @GetMapping("/rectifications/overdue")
    public List<RectificationView> overdue(@RequestParam String committeeOrgId, Caller caller) {
        return service.overdue(committeeOrgId, caller);
    }

    @GetMapping("/rectifications/{rectificationId}")
    public RectificationView get(@PathVariable String rectificationId, Caller caller) {
        return service.get(rectificationId, caller);
    }

    @PatchMapping("/rectifications/{rectificationId}")
    public RectificationView patch(@PathVariable String rectificationId, @RequestBody PatchRequest request,
            Caller caller) {
        return service.move(rectificationId, request, caller);
    }

    /** Admin: run the overdue check as of a date (default today in Beijing). */
    @PostMapping("/checks")
    public CheckResult check(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate asOf, Caller caller) {
        scope.requireAdmin(caller);
        return service.check(asOf != null ? asOf : ChinaCalendar.today(clock.instant()));
    }
}
