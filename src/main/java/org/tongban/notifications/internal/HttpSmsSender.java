package org.tongban.notifications.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.tongban.notifications.Channel;
import org.tongban.notifications.MessageSender;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through a provider's HTTP gateway (ADR 0034): one JSON POST per text, HTTP Basic or a bearer token, any 2xx
 * is "accepted by the gateway"; anything else, a time-out or a refused connection throws, and the delivery is
 * retried with back-off ({@code DeliveryRetries}). The body carries the number in E.164 form, the text and the
 * sender signature; a provider with another shape gets an adapter of its own behind {@link MessageSender}.
 */
@Component
@ConditionalOnProperty(name = "tongban.notifications.sms", havingValue = "gateway")
class HttpSmsSender implements MessageSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmsGatewayProperties properties;
    private final HttpClient http;

    HttpSmsSender(SmsGatewayProperties properties) {
        if (properties.url() == null) {
            throw new IllegalStateException(
                    "tongban.notifications.sms=gateway needs tongban.notifications.sms-gateway.url "
                            + "(TONGBAN_SMS_GATEWAY_URL)");
        }
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeoutOrDefault())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(String address, String text) {
        var body = new LinkedHashMap<String, String>();
        body.put("to", e164(address));
        body.put("text", text);
        if (StringUtils.hasText(properties.sender())) body.put("sender", properties.sender());
        var request = HttpRequest.newBuilder(java.util.Objects.requireNonNull(properties.url()))
                .timeout(properties.timeoutOrDefault())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (StringUtils.hasText(properties.token())) {
            request.header("Authorization", "Bearer " + properties.token());
        } else if (StringUtils.hasText(properties.username())) {
            var pair = properties.username() + ":" + (properties.password() == null ? "" : properties.password());
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailedException(
                    "SMS gateway unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while sending", e);
        }
        if (response.statusCode() / 100 != 2) {
            var answer = response.body();
            throw new DeliveryFailedException("SMS gateway answered " + response.statusCode()
                    + (answer.isBlank() ? "" : ": " + answer.substring(0, Math.min(200, answer.length()))));
        }
    }

    private static String e164(String address) {
        var digits = address.replace(" ", "");
        if (digits.startsWith("+")) return digits;
        if (digits.startsWith("86") && digits.length() == 13) return "+" + digits;
        return "+86" + digits;
    }
}
