package org.dangjian.notification.inbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.dangjian.notification.web.ApiException;

/** {@code PUT /api/notifications/settings/{orgId}}: where else than the inbox notifications go. */
public record SettingsRequest(String webhookUrl, List<String> emails) {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)+$");
    private static final int MAX_EMAILS = 20;

    /** Every problem, each naming its field. */
    public List<ApiException.FieldError> problems() {
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (webhookUrl != null && !webhookUrl.isBlank() && !validUrl(webhookUrl)) {
            errors.add(new ApiException.FieldError("webhookUrl", "必须是以http://或https://开头的完整网址"));
        }
        if (emails != null) {
            if (emails.size() > MAX_EMAILS) {
                errors.add(new ApiException.FieldError("emails", "最多" + MAX_EMAILS + "个邮箱地址"));
            }
            for (int i = 0; i < emails.size(); i++) {
                String e = emails.get(i);
                if (e == null || e.length() > 254 || !EMAIL.matcher(e).matches()) {
                    errors.add(new ApiException.FieldError("emails[" + i + "]", "不是有效的电子邮箱地址"));
                }
            }
        }
        return errors;
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && url.length() <= 2048;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
