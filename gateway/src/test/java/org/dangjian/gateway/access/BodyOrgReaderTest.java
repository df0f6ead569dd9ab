package org.dangjian.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BodyOrgReaderTest {

    private final BodyOrgReader reader = new BodyOrgReader(JsonMapper.builder().build());

    private BodyOrgReader.BodyOrgs read(Scope scope, String json) {
        return reader.read(scope, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheOrganisationsEachBodyNames() {
        assertThat(read(Scope.ACTIVITY_BODY, "{\"orgId\":\"b1\",\"payload\":{\"orgId\":\"x\"}}").orgs())
                .containsExactly("b1");
        assertThat(read(Scope.BATCH_BODY, "[{\"orgId\":\"b1\"},{\"orgId\":\"b2\"}]").orgs())
                .containsExactly("b1", "b2");
        assertThat(read(Scope.BATCH_BODY, "{\"events\":[{\"orgId\":\"b1\"}]}").orgs()).containsExactly("b1");
        assertThat(read(Scope.CYCLE_BODY, "{\"committeeOrgId\":\"c\",\"orgIds\":[\"b1\",\"b2\"]}").orgs())
                .isEqualTo(List.of("c", "b1", "b2"));
        assertThat(read(Scope.ORG_PUT, "{\"name\":\"n\",\"parentId\":\"p\"}").parentId()).isEqualTo("p");
        assertThat(read(Scope.ORG_PUT, "{\"name\":\"n\",\"parentId\":null}").parentId()).isNull();
        assertThat(read(Scope.ORG_PUT, "{\"name\":\"n\"}").parentId()).isNull();
    }

    @Test
    void namesTheFieldThatIsMissingOrWrong() {
        assertField(Scope.ACTIVITY_BODY, "{\"type\":\"TALK_HELD\"}", "orgId");
        assertField(Scope.ACTIVITY_BODY, "{\"orgId\":42}", "orgId");
        assertField(Scope.ACTIVITY_BODY, "[]", "body");
        assertField(Scope.ACTIVITY_BODY, "", "body");
        assertField(Scope.ACTIVITY_BODY, "{\"orgId\":", "body");
        assertField(Scope.BATCH_BODY, "[{\"orgId\":\"b1\"},{}]", "[1].orgId");
        assertField(Scope.BATCH_BODY, "{\"events\":[{\"orgId\":\"\"}]}", "events[0].orgId");
        assertField(Scope.BATCH_BODY, "[]", "body");
        assertField(Scope.CYCLE_BODY, "{\"orgIds\":[\"b1\"]}", "committeeOrgId");
        assertField(Scope.CYCLE_BODY, "{\"committeeOrgId\":\"c\",\"orgIds\":[\"b1\",7]}", "orgIds[1]");
        assertField(Scope.ORG_PUT, "{\"parentId\":\"\"}", "parentId");
    }

    @Test
    void refusesDuplicateKeys() {
        assertField(Scope.ACTIVITY_BODY, "{\"orgId\":\"b1\",\"orgId\":\"b2\"}", "body");
    }

    private void assertField(Scope scope, String json, String field) {
        assertThatThrownBy(() -> read(scope, json))
                .isInstanceOfSatisfying(InvalidBodyException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
