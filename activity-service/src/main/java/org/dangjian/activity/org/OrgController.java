package org.dangjian.activity.org;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dangjian.activity.error.ApiException;
import org.dangjian.activity.error.FieldProblem;
import org.dangjian.activity.web.Caller;
import org.dangjian.activity.web.JsonFields;
import org.dangjian.activity.web.StrictJson;
import org.dangjian.contracts.org.OrgType;
import org.dangjian.contracts.org.Policy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/orgs")
public class OrgController {

    /** An organisation as the API shows it: {@code policy} is effective, {@code ownPolicy} what it overrides. */
    public record OrgView(String orgId, String name, OrgType type, String typeLabel, String parentId,
            List<String> ancestors, Policy policy, PolicyOverride ownPolicy, long version, Instant updatedAt) {
    }

    public record ChildView(String orgId, String name, OrgType type, String typeLabel) {
    }

    private static final int MAX_ID = 64;

    private final OrgService orgs;
    private final StrictJson strictJson;

    public OrgController(OrgService orgs, StrictJson strictJson) {
        this.orgs = orgs;
        this.strictJson = strictJson;
    }

    @PutMapping("/{orgId}")
    public ResponseEntity<OrgView> put(@PathVariable String orgId, @RequestBody JsonNode body,
            HttpServletRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!validId(orgId)) {
            errors.add(new FieldProblem("orgId", "组织编号须为 1–64 位字母、数字或 -_.:"));
        }
        OrgService.OrgChange change = parse(body, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        OrgService.PutResult result = orgs.put(orgId, change, Caller.of(request));
        return ResponseEntity.status(result.created() ? 201 : 200).body(view(result.org()));
    }

    @GetMapping("/{orgId}")
    public OrgView get(@PathVariable String orgId, HttpServletRequest request) {
        return view(orgs.get(orgId, Caller.of(request)));
    }

    @GetMapping("/{orgId}/children")
    public List<ChildView> children(@PathVariable String orgId, HttpServletRequest request) {
        return orgs.children(orgId, Caller.of(request)).stream()
                .map(o -> new ChildView(o.orgId(), o.name(), o.type(), o.type().label())).toList();
    }

    private OrgView view(Org o) {
        return new OrgView(o.orgId(), o.name(), o.type(), o.type().label(), o.parentId(), o.ancestors(),
                orgs.effectivePolicy(o), o.policy(), o.version(), o.updatedAt());
    }

    private OrgService.OrgChange parse(JsonNode body, List<FieldProblem> errors) {
        if (body == null || !body.isObject()) {
            errors.add(new FieldProblem("body", "须为 JSON 对象"));
            return null;
        }
        String name = JsonFields.text(body, "name", errors, true);
        if (name != null && (name.isBlank() || name.length() > 200)) {
            errors.add(new FieldProblem("name", "须为 1–200 个字符"));
        }
        String typeText = JsonFields.text(body, "type", errors, true);
        OrgType type = null;
        if (typeText != null) {
            try {
                type = OrgType.valueOf(typeText);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem("type", "不是允许的取值（WORKING_COMMITTEE、COMMITTEE、GENERAL_BRANCH、BRANCH）"));
            }
        }
        String parentId = JsonFields.text(body, "parentId", errors, false);
        PolicyOverride policy = null;
        JsonNode p = body.get("policy");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                errors.add(new FieldProblem("policy", "须为 JSON 对象"));
            } else {
                try {
                    policy = strictJson.read(p, PolicyOverride.class, "policy");
                    errors.addAll(OrgRules.checkPolicy(policy));
                } catch (ApiException e) {
                    errors.addAll(e.errors());
                }
            }
        }
        return new OrgService.OrgChange(name, type, parentId, policy);
    }

    static boolean validId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID && id.matches("[A-Za-z0-9._:\\-]+");
    }
}
