package org.dangjian.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dangjian.gateway.access.Role.ADMIN;
import static org.dangjian.gateway.access.Role.BRANCH_SYSTEM;
import static org.dangjian.gateway.access.Role.COMMITTEE;
import static org.dangjian.gateway.access.Role.LEADER;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dangjian.contracts.CallerHeaders;
import org.dangjian.gateway.access.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every public route × every role × inside / outside the token's subtree, with the exact status of each cell.
 * The caller is a token for {@code t-committee}; "inside" addresses its branch {@code t-branch-1}, "outside"
 * the branch {@code o-branch} of another tree. Routes addressed only by id pass the gateway either way (the
 * owning service checks scope from the caller headers, which the test sees arrive); system-wide admin routes
 * are "inside" for a root token ({@code t-county}) and "outside" for a non-root one.
 */
class AuthorizationMatrixIT extends GatewayITBase {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);

    enum Kind { SCOPED, BY_ID, GLOBAL }

    record Route(String method, String path, String body, Set<Role> allowed, Kind kind, String service) {

        String uri(boolean inside) {
            return path.replace("{org}", inside ? "t-branch-1" : "o-branch");
        }

        String body(boolean inside) {
            return body == null ? null : body.replace("{org}", inside ? "t-branch-1" : "o-branch");
        }

        String callerOrg(boolean inside) {
            return switch (kind) {
                case SCOPED -> "t-committee";
                case BY_ID -> inside ? "t-committee" : "o-root";
                case GLOBAL -> inside ? "t-county" : "t-committee";
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("PUT", "/api/orgs/{org}", """
                    {"name":"支部","type":"BRANCH","parentId":"%s"}""".formatted("{parent}"), EnumSet.of(ADMIN),
                    Kind.SCOPED, "activity"),
            new Route("GET", "/api/orgs/{org}", null, ALL, Kind.SCOPED, "activity"),
            new Route("GET", "/api/orgs/{org}/children", null, ALL, Kind.SCOPED, "activity"),
            new Route("GET", "/api/orgs/{org}/members", null, EnumSet.of(ADMIN, LEADER), Kind.SCOPED, "activity"),
            new Route("GET", "/api/members/m-1", null, EnumSet.of(ADMIN, LEADER), Kind.BY_ID, "activity"),
            new Route("POST", "/api/activities", """
                    {"eventId":"e-1","orgId":"{org}","type":"MEETING_HELD","occurredAt":"2026-03-04T09:00:00+08:00",
                     "payload":{"meetingType":"BRANCH_COMMITTEE","attendees":5,"expected":5,"topic":"学习"}}""",
                    EnumSet.of(BRANCH_SYSTEM), Kind.SCOPED, "activity"),
            new Route("POST", "/api/activities/batch", """
                    [{"eventId":"e-2","orgId":"t-branch-2","type":"TALK_HELD"},
                     {"eventId":"e-3","orgId":"{org}","type":"TALK_HELD"}]""",
                    EnumSet.of(BRANCH_SYSTEM), Kind.SCOPED, "activity"),
            new Route("POST", "/api/activities/e-1/void", """
                    {"reason":"录入错误"}""", EnumSet.of(BRANCH_SYSTEM), Kind.BY_ID, "activity"),
            new Route("GET", "/api/activities?orgId={org}&year=2026&page=0", null, ALL, Kind.SCOPED, "activity"),
            new Route("GET", "/api/activities/e-1", null, ALL, Kind.BY_ID, "activity"),
            new Route("GET", "/api/reports/{org}/2026", null, EnumSet.of(LEADER, COMMITTEE, ADMIN), Kind.SCOPED,
                    "report"),
            new Route("GET", "/api/reports/{org}/2026?scope=subtree", null, EnumSet.of(LEADER, COMMITTEE, ADMIN),
                    Kind.SCOPED, "report"),
            new Route("GET", "/api/reports/{org}/2026/draft?format=markdown", null,
                    EnumSet.of(LEADER, COMMITTEE, ADMIN), Kind.SCOPED, "report"),
            new Route("GET", "/api/reports/{org}/2026/stream", null, EnumSet.of(LEADER, COMMITTEE, ADMIN),
                    Kind.SCOPED, "report"),
            new Route("POST", "/api/reports/admin/rebuild", null, EnumSet.of(ADMIN), Kind.GLOBAL, "report"),
            new Route("POST", "/api/reviews/checks", null, EnumSet.of(ADMIN), Kind.GLOBAL, "review"),
            new Route("POST", "/api/reviews/cycles", """
                    {"committeeOrgId":"t-committee","year":2026,"orgIds":["t-branch-2","{org}"],
                     "submissionDeadline":"2027-01-15","reviewDeadline":"2027-01-31","dimensions":[]}""",
                    EnumSet.of(COMMITTEE), Kind.SCOPED, "review"),
            new Route("GET", "/api/reviews/cycles?committeeOrgId={org}", null, EnumSet.of(COMMITTEE, LEADER, ADMIN),
                    Kind.SCOPED, "review"),
            new Route("GET", "/api/reviews/cycles/c-1", null, EnumSet.of(COMMITTEE, LEADER, ADMIN), Kind.BY_ID,
                    "review"),
            new Route("PUT", "/api/reviews/cycles/c-1/submissions/{org}", """
                    {"useDraft":true}""", EnumSet.of(COMMITTEE, LEADER), Kind.SCOPED, "review"),
            new Route("PUT", "/api/reviews/cycles/c-1/assessments/{org}/r-1", """
                    {"rating":"GOOD","scores":{},"comments":"较好","problems":[]}""", EnumSet.of(COMMITTEE),
                    Kind.SCOPED, "review"),
            new Route("POST", "/api/reviews/cycles/c-1/feedback/{org}", """
                    {"comments":"整改","problems":[]}""", EnumSet.of(COMMITTEE), Kind.SCOPED, "review"),
            new Route("POST", "/api/reviews/cycles/c-1/submissions/{org}/reopen", null, EnumSet.of(COMMITTEE),
                    Kind.SCOPED, "review"),
            new Route("POST", "/api/reviews/cycles/c-1/assessments/{org}", null, EnumSet.of(COMMITTEE),
                    Kind.SCOPED, "review"),
            new Route("GET", "/api/reviews/cycles/c-1/submissions/{org}", null, EnumSet.of(COMMITTEE, LEADER, ADMIN),
                    Kind.SCOPED, "review"),
            new Route("GET", "/api/reviews/cycles/c-1/feedback/{org}", null, EnumSet.of(COMMITTEE, LEADER, ADMIN),
                    Kind.SCOPED, "review"),
            new Route("GET", "/api/reviews/feedback?orgId={org}", null, EnumSet.of(COMMITTEE, LEADER, ADMIN),
                    Kind.SCOPED, "review"),
            new Route("GET", "/api/reviews/rectifications/overdue?committeeOrgId={org}", null,
                    EnumSet.of(COMMITTEE, LEADER, ADMIN), Kind.SCOPED, "review"),
            new Route("GET", "/api/reviews/rectifications?orgId={org}&status=OPEN", null,
                    EnumSet.of(COMMITTEE, LEADER, ADMIN), Kind.SCOPED, "review"),
            new Route("GET", "/api/reviews/rectifications/r-1", null, EnumSet.of(COMMITTEE, LEADER, ADMIN),
                    Kind.BY_ID, "review"),
            new Route("PATCH", "/api/reviews/rectifications/r-1", """
                    {"status":"SUBMITTED","evidence":"已整改"}""", EnumSet.of(COMMITTEE, LEADER), Kind.BY_ID,
                    "review"),
            new Route("GET", "/api/notifications?orgId={org}&status=OPEN", null, EnumSet.of(LEADER, ADMIN),
                    Kind.SCOPED, "notification"),
            new Route("GET", "/api/notifications/deliveries?orgId={org}", null, EnumSet.of(LEADER, ADMIN),
                    Kind.SCOPED, "notification"),
            new Route("POST", "/api/notifications/deliveries/d-1/retry", null, EnumSet.of(ADMIN), Kind.BY_ID,
                    "notification"),
            new Route("GET", "/api/notifications/n-1", null, EnumSet.of(LEADER, ADMIN), Kind.BY_ID,
                    "notification"),
            new Route("GET", "/api/notifications/settings/{org}", null, EnumSet.of(ADMIN), Kind.SCOPED,
                    "notification"),
            new Route("POST", "/api/notifications/n-1/ack", null, EnumSet.of(LEADER, ADMIN), Kind.BY_ID,
                    "notification"),
            new Route("PUT", "/api/notifications/settings/{org}", """
                    {"webhookUrl":"http://hook.example/x","emails":["a@example.org"]}""", EnumSet.of(ADMIN),
                    Kind.SCOPED, "notification"),
            new Route("POST", "/api/notifications/checks?asOf=2026-03-31", null, EnumSet.of(ADMIN), Kind.GLOBAL,
                    "notification"));

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Role role : Role.values()) {
                for (boolean inside : new boolean[] {true, false}) {
                    int expected = !route.allowed().contains(role) ? 403
                            : route.kind() == Kind.BY_ID || inside ? 200 : 403;
                    cells.add(Arguments.of(route, role, inside ? "inside" : "outside", expected));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} {2} → {3}")
    @MethodSource("cells")
    void eachCellHasItsExactStatus(Route route, Role role, String where, int expected) {
        boolean inside = where.equals("inside");
        String callerOrg = route.callerOrg(inside);
        String body = route.body(inside);
        if (body != null) {
            // PUT /api/orgs/{X}: an update in place, the parent stays what the tree says.
            body = body.replace("{parent}", inside ? "t-committee" : "o-root");
        }
        WebTestClient.ResponseSpec response = send(route.method(), route.uri(inside), body,
                token("matrix-" + role + "-" + where, callerOrg, role.name()));
        response.expectStatus().isEqualTo(expected);
        if (expected == 200) {
            response.expectBody()
                    .jsonPath("$.service").isEqualTo(route.service())
                    .jsonPath("$.method").isEqualTo(route.method())
                    .jsonPath("$.headers['x-dangjian-org']").isEqualTo(callerOrg)
                    .jsonPath("$.headers['x-dangjian-roles']").isEqualTo(role.name())
                    .jsonPath("$.headers['x-dangjian-subject']").isEqualTo("matrix-" + role + "-" + where);
        } else {
            response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:dangjian:problem:forbidden")
                    .jsonPath("$.status").isEqualTo(403);
        }
    }

    @Test
    void everyRouteIsCoveredForEveryRoleBothWays() {
        assertThat(cells().count()).isEqualTo(ROUTES.size() * Role.values().length * 2L);
        assertThat(ROUTES).extracting(Route::service).contains("activity", "report", "review", "notification");
    }

    @Test
    void aTokenWithSeveralRolesHasTheRightsOfEach() {
        String both = token("relay", "t-committee", "BRANCH_SYSTEM", "LEADER");
        send("POST", "/api/activities", """
                {"eventId":"e-9","orgId":"t-branch-1","type":"TALK_HELD"}""", both)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.headers['x-dangjian-roles']").isEqualTo("BRANCH_SYSTEM,LEADER");
        send("GET", "/api/reports/t-branch-2/2026", null, both).expectStatus().isOk();
        send("POST", "/api/reviews/cycles", """
                {"committeeOrgId":"t-committee","orgIds":["t-branch-1"]}""", both).expectStatus().isForbidden();
    }

    @Test
    void aBatchWithOneEventOutsideTheSubtreeIsRefusedWhole() {
        String branch = token("branch-system", "t-branch-1", "BRANCH_SYSTEM");
        send("POST", "/api/activities/batch", """
                {"events":[{"orgId":"t-branch-1"},{"orgId":"t-branch-1"}]}""", branch).expectStatus().isOk();
        send("POST", "/api/activities/batch", """
                {"events":[{"orgId":"t-branch-1"},{"orgId":"t-branch-2"}]}""", branch).expectStatus().isForbidden();
    }

    @Test
    void aBodyThatDoesNotSayWhichOrganisationIsABadRequestNamingTheField() {
        String branch = token("branch-system", "t-branch-1", "BRANCH_SYSTEM");
        send("POST", "/api/activities", """
                {"eventId":"e-1","type":"TALK_HELD"}""", branch)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:dangjian:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("orgId");
        send("POST", "/api/activities/batch", """
                [{"orgId":"t-branch-1"},{"type":"TALK_HELD"}]""", branch)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("[1].orgId");
        send("POST", "/api/activities", "{not json", branch)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        // Said twice, it could be read one way here and another way by the service.
        send("POST", "/api/activities", """
                {"orgId":"t-branch-1","orgId":"o-branch"}""", branch)
                .expectStatus().isBadRequest();
        send("GET", "/api/activities?year=2026", null, token("leader", "t-branch-1", "LEADER"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("orgId");
    }

    @Test
    void anOrganisationInTheQueryMustAlsoBeInScope() {
        send("GET", "/api/reports/t-branch-1/2026?orgId=o-branch", null, token("l", "t-committee", "LEADER"))
                .expectStatus().isForbidden();
        send("GET", "/api/activities?orgId=t-branch-1&orgId=o-branch", null, token("l", "t-committee", "LEADER"))
                .expectStatus().isForbidden();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "/api/reports/t-branch-1/../../reports/o-branch/2026",
            "/api/reports/t-branch-1/./2026",
            "/api/reports/t-branch-1/%2e%2e/o-branch/2026",
            "/api/reports/t-branch-1%2F..%2Fo-branch/2026",
            "/api/reports/t-branch-1;x=1/2026",
            "/api/reports//t-branch-1/2026"})
    void aPathAServiceCouldReadDifferentlyIsRefused(String path) {
        client.get().uri(java.net.URI.create("http://localhost:" + port + path))
                .headers(h -> h.setBearerAuth(token("l", "t-committee", "LEADER")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("path");
    }

    @Test
    void aPathTheGatewayDoesNotOpenIs404() {
        send("DELETE", "/api/orgs/t-branch-1", null, token("admin", "t-county", "ADMIN"))
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:dangjian:problem:not-found");
    }

    @Test
    void anUnknownOrganisationIsReachedOnlyByItsOwnToken() {
        send("GET", "/api/reports/b-new/2026", null, token("l", "b-new", "LEADER")).expectStatus().isOk();
        send("GET", "/api/reports/b-new/2026", null, token("l", "t-county", "LEADER")).expectStatus().isForbidden();
    }

    WebTestClient.ResponseSpec send(String method, String uri, String body, String token) {
        WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(uri)
                .headers(h -> h.setBearerAuth(token));
        if (body != null) {
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }
        return request.exchange();
    }
}
