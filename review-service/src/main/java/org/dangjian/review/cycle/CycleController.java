package org.dangjian.review.cycle;

import java.net.URI;
import java.util.List;

import org.dangjian.review.cycle.CycleViews.CycleListItem;
import org.dangjian.review.cycle.CycleViews.CycleView;
import org.dangjian.review.web.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reviews/cycles")
public class CycleController {

    private final CycleService service;

    public CycleController(CycleService service) {
        this.service = service;
    }

    @PostMapping
    public ResponseEntity<CycleView> open(@RequestBody OpenCycleRequest request, Caller caller) {
        Cycle cycle = service.open(request, caller);
        return ResponseEntity.created(URI.create("/api/reviews/cycles/" + cycle.cycleId()))
                .body(service.view(cycle.cycleId(), caller));
    }

    @GetMapping("/{cycleId}")
    public CycleView get(@PathVariable String cycleId, Caller caller) {
        return service.view(cycleId, caller);
    }

    @GetMapping
    public List<CycleListItem> list(@RequestParam String committeeOrgId, Caller caller) {
        return service.list(committeeOrgId, caller);
    }
}
