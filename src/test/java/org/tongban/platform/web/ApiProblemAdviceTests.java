package org.tongban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.tongban.shared.InvalidInput;
import org.tongban.shared.Refusal;

/**
 * The one problem-detail mapper of the API: each refusal kind answers its status, titled and explained in the
 * caller's language; invalid input answers 422 with each field's message under {@code errors}; the unexpected is a
 * generic 500 that carries no exception message.
 */
class ApiProblemAdviceTests {

    /** A refusal with its own title and a property, as the module subclasses make them. */
    static class TrustRefusal extends Refusal {
        TrustRefusal() {
            super(Kind.FORBIDDEN, "test.trust", "test.trust.title", "log only", Map.of("requiredTrustLevel", 3), 3);
        }
    }

    @RestController
    static class Api {
        @GetMapping("/api/v1/refused/{kind}")
        String refused(@PathVariable Refusal.Kind kind) {
            throw new Refusal(kind, "test.why");
        }

        @GetMapping("/api/v1/trust")
        String trust() {
            throw new TrustRefusal();
        }

        @GetMapping("/api/v1/invalid")
        String invalid() {
            var errors = new LinkedHashMap<String, String>();
            errors.put("phone", "test.phone");
            errors.put("name", "test.unknown.key");
            throw new InvalidInput(errors);
        }

        @GetMapping("/api/v1/invalid-with-args")
        String invalidWithArgs() {
            throw InvalidInput.field("age", "test.age", 18);
        }

        @GetMapping("/api/v1/broken")
        String broken() {
            throw new IllegalStateException("secret detail 110101199003077777");
        }

        @GetMapping("/api/v1/keyed")
        String keyed(@RequestHeader("Idempotency-Key") String key) {
            return key;
        }
    }

    final MockMvc mvc = mvc();

    @Test
    void eachKindAnswersItsStatusWithTheKindsTitleInTheCallersLanguage() throws Exception {
        var expected = Map.of(
                Refusal.Kind.NOT_FOUND,
                404,
                Refusal.Kind.FORBIDDEN,
                403,
                Refusal.Kind.CONFLICT,
                409,
                Refusal.Kind.UNPROCESSABLE,
                422);
        for (var kind : Refusal.Kind.values()) {
            var zh = call("/api/v1/refused/" + kind, "zh-CN");
            assertThat(zh.getResponse().getStatus()).as(kind.name()).isEqualTo(expected.get(kind));
            assertThat(zh.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat(body(zh))
                    .contains("\"title\":\"" + kind.titleKey() + ".zh\"")
                    .contains("\"detail\":\"为何\"");
            var en = call("/api/v1/refused/" + kind, "en");
            assertThat(body(en))
                    .contains("\"title\":\"" + kind.titleKey() + ".en\"")
                    .contains("\"detail\":\"Why\"");
        }
    }

    @Test
    void aRefusalsOwnTitleArgumentsAndPropertiesReachTheProblem() throws Exception {
        var answer = call("/api/v1/trust", "en");
        assertThat(answer.getResponse().getStatus()).isEqualTo(403);
        assertThat(body(answer))
                .contains("\"title\":\"Trust level too low\"")
                .contains("\"detail\":\"Level 3 is needed\"")
                .contains("\"requiredTrustLevel\":3")
                .doesNotContain("log only");
    }

    @Test
    void invalidInputIsA422WithEachFieldsMessageInOrder() throws Exception {
        var answer = call("/api/v1/invalid", "en");
        assertThat(answer.getResponse().getStatus()).isEqualTo(422);
        // A key without a message is shown as the key rather than failing the answer.
        assertThat(body(answer))
                .contains("\"title\":\"problem.invalid.title.en\"")
                .contains("\"errors\":{\"phone\":\"Eleven digits\",\"name\":\"test.unknown.key\"}");
        assertThat(body(call("/api/v1/invalid", "zh-CN"))).contains("\"phone\":\"十一位数字\"");
        assertThat(body(call("/api/v1/invalid-with-args", "en"))).contains("\"age\":\"At least 18\"");
    }

    @Test
    void theUnexpectedIsAGeneric500WithoutTheExceptionsMessage() throws Exception {
        var answer = call("/api/v1/broken", "en");
        assertThat(answer.getResponse().getStatus()).isEqualTo(500);
        assertThat(body(answer))
                .doesNotContain("secret")
                .doesNotContain("110101")
                .contains("could not be completed");
    }

    @Test
    void aMissingIdempotencyKeyIsA400SaidInTheCallersLanguage() throws Exception {
        var answer = call("/api/v1/keyed", "en");
        assertThat(answer.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(answer)).contains("\"detail\":\"Idempotency-Key needed\"");
    }

    private MvcResult call(String path, String language) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andReturn();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static MockMvc mvc() {
        var messages = new StaticMessageSource();
        for (var kind : Refusal.Kind.values()) {
            messages.addMessage(kind.titleKey(), Locale.SIMPLIFIED_CHINESE, kind.titleKey() + ".zh");
            messages.addMessage(kind.titleKey(), Locale.ENGLISH, kind.titleKey() + ".en");
        }
        messages.addMessage("test.why", Locale.SIMPLIFIED_CHINESE, "为何");
        messages.addMessage("test.why", Locale.ENGLISH, "Why");
        messages.addMessage("test.trust.title", Locale.ENGLISH, "Trust level too low");
        messages.addMessage("test.trust", Locale.ENGLISH, "Level {0} is needed");
        messages.addMessage("problem.invalid.detail", Locale.ENGLISH, "Some fields are wrong");
        messages.addMessage("test.phone", Locale.ENGLISH, "Eleven digits");
        messages.addMessage("test.phone", Locale.SIMPLIFIED_CHINESE, "十一位数字");
        messages.addMessage("test.age", Locale.ENGLISH, "At least {0}");
        messages.addMessage("problem.idempotencyKey.detail", Locale.ENGLISH, "Idempotency-Key needed");
        var locales = new AcceptHeaderLocaleResolver();
        locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return MockMvcBuilders.standaloneSetup(new Api())
                .setControllerAdvice(new ApiProblemAdvice(messages))
                .setLocaleResolver(locales)
                .build();
    }
}
