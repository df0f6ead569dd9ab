package org.dangjian.review.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dangjian.contracts.CallerHeaders;
import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.review.web.Caller;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;

/** In the OpenAPI description a {@link Caller} argument is what it really is: the gateway's headers. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    public OperationCustomizer callerHeaders() {
        return (operation, handler) -> {
            boolean takesCaller = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == Caller.class);
            if (!takesCaller) {
                return operation;
            }
            List<Parameter> params = new ArrayList<>(operation.getParameters() == null ? List.of()
                    : operation.getParameters());
            params.removeIf(p -> "caller".equals(p.getName()));
            params.add(header(CallerHeaders.ORG, "调用方所属党组织（由网关根据令牌设置）；缺省表示内部调用，不做范围检查"));
            params.add(header(CallerHeaders.SUBJECT, "调用方（令牌 sub）"));
            params.add(header(CallerHeaders.ROLES, "调用方角色，逗号分隔"));
            params.add(header(CloudEventHeaders.REQUEST_ID_HEADER, "关联 ID，随事件写入 ce_correlationid"));
            operation.setParameters(params);
            return operation;
        };
    }

    private static Parameter header(String name, String description) {
        return new HeaderParameter().name(name).required(false).description(description).schema(new StringSchema());
    }
}
