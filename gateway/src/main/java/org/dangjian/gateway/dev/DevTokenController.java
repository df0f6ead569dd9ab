package org.dangjian.gateway.dev;

import java.util.ArrayList;
import java.util.List;
import org.dangjian.gateway.access.Role;
import org.dangjian.gateway.problem.Problems;
import org.dangjian.gateway.problem.Problems.FieldError;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/dev/tokens {subject, roles, orgId}} → {@code {token}}. Exists only under the {@code local}
 * profile: anywhere else this class is not even a bean, and the path answers 401 (no token) or 404.
 */
@RestController
@Profile("local")
class DevTokenController {

    record DevTokenRequest(String subject, List<String> roles, String orgId) {
    }

    record DevTokenResponse(String token) {
    }

    private final LocalTokenIssuer issuer;
    private final Problems problems;

    DevTokenController(LocalTokenIssuer issuer, Problems problems) {
        this.issuer = issuer;
        this.problems = problems;
    }

    @PostMapping("/api/dev/tokens")
    ResponseEntity<Object> mint(@RequestBody DevTokenRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.subject() == null || request.subject().isBlank()) {
            errors.add(new FieldError("subject", "必须填写调用方标识"));
        }
        if (request.orgId() == null || request.orgId().isBlank()) {
            errors.add(new FieldError("orgId", "必须填写组织编号"));
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            errors.add(new FieldError("roles", "至少需要一个角色：BRANCH_SYSTEM、LEADER、COMMITTEE、ADMIN"));
        } else {
            for (int i = 0; i < request.roles().size(); i++) {
                String role = request.roles().get(i);
                if (role == null || Role.parse(role).isEmpty()) {
                    errors.add(new FieldError("roles[" + i + "]", "未知角色，应为 BRANCH_SYSTEM、LEADER、COMMITTEE 或 ADMIN"));
                }
            }
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON)
                    .body(problems.body(HttpStatus.BAD_REQUEST, "validation", "Bad Request", "令牌申请有误",
                            "/api/dev/tokens", errors));
        }
        return ResponseEntity.ok(new DevTokenResponse(issuer.mint(request.subject(), request.roles(),
                request.orgId())));
    }
}
