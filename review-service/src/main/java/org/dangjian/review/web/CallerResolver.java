package org.dangjian.review.web;

import org.dangjian.contracts.CallerHeaders;
import org.dangjian.contracts.CloudEventHeaders;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take a {@link Caller} parameter. */
public class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        return Caller.of(request.getHeader(CallerHeaders.SUBJECT), request.getHeader(CallerHeaders.ROLES),
                request.getHeader(CallerHeaders.ORG), request.getHeader(CloudEventHeaders.REQUEST_ID_HEADER));
    }
}
