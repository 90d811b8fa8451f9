package org.tongban.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS gateway adapter against a local HTTP server: the JSON body, the credentials, and a refusing gateway. */
class HttpSmsSenderTests {

    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> auth = new CopyOnWriteArrayList<>();
    final AtomicInteger answer = new AtomicInteger(200);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/send", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            var bytes = (answer.get() == 200 ? "{\"ok\":true}" : "{\"error\":\"quota exceeded\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    HttpSmsSender sender(String token) {
        return new HttpSmsSender(new SmsGatewayProperties(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/send"),
                "user",
                "secret",
                token,
                "通办",
                Duration.ofSeconds(2)));
    }

    @Test
    void aTextIsPostedAsJsonWithTheNumberInE164AndBasicCredentials() {
        sender("").send("13800138000", "您的验证码是 123456");
        assertThat(bodies)
                .singleElement()
                .isEqualTo("{\"to\":\"+8613800138000\",\"text\":\"您的验证码是 123456\",\"sender\":\"通办\"}");
        assertThat(auth).singleElement().isEqualTo("Basic dXNlcjpzZWNyZXQ=");
    }

    @Test
    void aBearerTokenIsSentInsteadWhenConfigured() {
        sender("t0k3n").send("+8613800138000", "x");
        assertThat(auth).singleElement().isEqualTo("Bearer t0k3n");
    }

    @Test
    void aRefusalOrAnUnreachableGatewayThrowsWithTheReason() {
        answer.set(503);
        assertThatThrownBy(() -> sender("").send("13800138000", "x"))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("quota exceeded");
        server.stop(0);
        assertThatThrownBy(() -> sender("").send("13800138000", "x"))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessageContaining("unreachable");
    }
}
