package org.dangjian.review.report;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.dangjian.contracts.CloudEventHeaders;
import org.dangjian.review.config.ReviewProperties;
import org.dangjian.review.config.ServiceUrls;
import org.dangjian.review.problem.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** Reads the draft 述职报告 and its numbers from report-service, to freeze them into a submission. */
@Component
public class ReportClient {

    private final RestClient http;

    public ReportClient(ServiceUrls urls, ReviewProperties props) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(props.reportTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(props.reportTimeout());
        this.http = RestClient.builder().baseUrl(urls.report().toString()).requestFactory(factory).build();
    }

    /** @param forward caller headers passed on so report-service applies the same scope */
    public DraftSnapshot draft(String orgId, int year, Map<String, String> forward) {
        String markdown = get("/api/reports/{orgId}/{year}/draft?format=markdown", orgId, year, forward,
                MediaType.ALL);
        String report = get("/api/reports/{orgId}/{year}", orgId, year, forward, MediaType.APPLICATION_JSON);
        if (markdown == null || markdown.isBlank()) {
            throw upstream("report-service 返回的述职报告草稿为空（" + orgId + "，" + year + "年度）");
        }
        return new DraftSnapshot(markdown, report);
    }

    private String get(String path, String orgId, int year, Map<String, String> forward, MediaType accept) {
        try {
            byte[] body = http.get().uri(path, orgId, year).accept(accept).headers(h -> forward.forEach((k, v) -> {
                if (v != null && (k.startsWith("X-Dangjian-") || k.equals(CloudEventHeaders.REQUEST_ID_HEADER))) {
                    h.set(k, v);
                }
            })).retrieve().body(byte[].class);
            return body == null ? null : new String(body, StandardCharsets.UTF_8);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw ProblemException.unprocessable("draft-unavailable", "Draft not available",
                        "report-service 中没有" + orgId + "的" + year + "年度报告，无法采用草稿；请直接提交述职报告正文（text）");
            }
            throw upstream("report-service 返回 " + e.getStatusCode().value() + "（" + orgId + "，" + year + "年度）");
        } catch (RestClientException e) {
            throw upstream("无法连接 report-service 获取述职报告草稿：" + e.getMessage());
        }
    }

    private static ProblemException upstream(String detail) {
        return new ProblemException(ProblemException.Kind.BAD_GATEWAY, "upstream-unavailable",
                "Report service unavailable", detail, null);
    }
}
