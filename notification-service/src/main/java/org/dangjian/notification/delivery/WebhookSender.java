package org.dangjian.notification.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dangjian.notification.NotificationProperties;
import org.dangjian.notification.chase.NotificationDoc;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs the notification as JSON to the organisation's webhook, signed: {@code X-Dangjian-Signature:
 * sha256=<hex HMAC-SHA256 of the body with the configured secret>}. {@code X-Dangjian-Delivery} lets the receiver
 * drop a repeat (delivery is at least once).
 */
@Component
public class WebhookSender {

    public static final String SIGNATURE_HEADER = "X-Dangjian-Signature";
    public static final String DELIVERY_HEADER = "X-Dangjian-Delivery";

    private final JsonMapper json;
    private final NotificationProperties.Delivery settings;
    private final HttpClient http;

    public WebhookSender(JsonMapper json, NotificationProperties properties) {
        this.json = json;
        this.settings = properties.delivery();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The breaker key: one per scheme, host and port. */
    public static String endpoint(String url) {
        URI uri = URI.create(url);
        return "webhook:" + uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    public byte[] body(NotificationDoc n, String deliveryId) {
        return json.writeValueAsBytes(WebhookPayload.of(n, deliveryId));
    }

    public void send(String url, byte[] body, String deliveryId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.httpTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(SIGNATURE_HEADER, "sha256=" + sign(settings.webhookSecret(), body))
                .header(DELIVERY_HEADER, deliveryId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryException("webhook answered HTTP " + response.statusCode());
        }
    }

    /** Lower-case hex HMAC-SHA256. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(body);
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
