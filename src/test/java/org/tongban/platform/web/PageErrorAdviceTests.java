package org.tongban.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockServletContext;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.shared.FormPage;
import org.tongban.shared.InvalidInput;
import org.tongban.shared.RedirectOnError;
import org.tongban.shared.Refusal;

/**
 * The one page advice: invalid input draws the form again with its errors and the input kept, in the same request
 * and with the page's status; a refusal is a redirect with its message, the form again with the message, or the
 * error page of its kind; and the drawing method gets what the layout puts in every page's model.
 */
class PageErrorAdviceTests {

    @Controller
    static class Pages {

        /** Stands for the layout's advice: every page's model has it. */
        @ModelAttribute
        void layout(Model model) {
            model.addAttribute("layout", "yes");
        }

        @org.springframework.web.bind.annotation.PostMapping("/things/{id}")
        @FormPage("drawAgain")
        String save(@PathVariable String id, @RequestParam String name, @RequestParam(defaultValue = "") String why) {
            if (!why.isEmpty()) throw new Refusal(Refusal.Kind.valueOf(why), "test.refused");
            throw new InvalidInput(Map.of("name", "test.name.tooShort"));
        }

        @org.springframework.web.bind.annotation.PostMapping("/quiet/{id}")
        @FormPage(value = "drawAgain", status = 200, message = "test.fix")
        String quiet(@PathVariable String id) {
            throw new InvalidInput(Map.of("name", "test.name.tooShort"));
        }

        /** Draws the form: reads the input again from the request, and takes the exception when it wants it. */
        private String drawAgain(
                @PathVariable String id, @RequestParam Map<String, String> params, RuntimeException e, Model model) {
            model.addAttribute("input", new TreeMap<>(params));
            model.addAttribute("drawnFor", id + ":" + e.getClass().getSimpleName());
            return "things/edit";
        }

        @org.springframework.web.bind.annotation.PostMapping("/cases/{number}/act")
        @RedirectOnError(value = "/inbox", kinds = Refusal.Kind.NOT_FOUND, message = "test.gone")
        @RedirectOnError(value = "/cases/{number}", keep = "opinion")
        String act(
                @PathVariable String number,
                @RequestParam String opinion,
                @RequestParam String why,
                RedirectAttributes redirect) {
            throw new Refusal(Refusal.Kind.valueOf(why), "test.refused");
        }

        @org.springframework.web.bind.annotation.PostMapping("/accounts/enabled")
        @RedirectOnError(value = "/accounts", invalidInput = true, attribute = "notice")
        String enable() {
            throw new InvalidInput(Map.of("identifier", "test.identifier.required"));
        }

        @org.springframework.web.bind.annotation.GetMapping("/licenses/{id}")
        String license(@PathVariable String id) {
            throw new Refusal(Refusal.Kind.valueOf(id), "test.refused");
        }
    }

    @Configuration
    @EnableWebMvc
    @Import({Pages.class, PageErrorAdvice.class})
    static class Web {
        /** Renders the view's name and model, so that a test reads what the template would have had. */
        @Bean
        ViewResolver views() {
            return (name, locale) -> name.startsWith("redirect:")
                    ? new org.springframework.web.servlet.view.RedirectView(name.substring("redirect:".length()), true)
                    : (View) (model, request, response) -> {
                        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
                        response.getWriter().write("view=" + name + " model=" + new TreeMap<>(model));
                    };
        }
    }

    static final AnnotationConfigWebApplicationContext context = context();
    final MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void invalidInputDrawsTheFormAgainWithItsErrorsAndTheInputKept() throws Exception {
        var answer = mvc.perform(post("/things/7").param("name", "x").param("other", "kept"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString())
                .startsWith("view=things/edit")
                .contains("errors={name=test.name.tooShort}")
                .contains("input={name=x, other=kept}")
                .contains("drawnFor=7:InvalidInput")
                .contains("layout=yes")
                .doesNotContain("error=");
    }

    @Test
    void aFormPageKeepsTheStatusItHasAlwaysHadAndItsMessage() throws Exception {
        var answer =
                mvc.perform(post("/quiet/8").param("name", "x")).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString()).contains("error=test.fix").contains("errors={name=test.name.tooShort}");
    }

    @Test
    void aRefusalOnAFormPageDrawsItAgainWithItsMessage() throws Exception {
        var answer = mvc.perform(post("/things/7").param("name", "x").param("why", "CONFLICT"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).isEqualTo(422);
        assertThat(answer.getContentAsString())
                .contains("error=test.refused")
                .contains("drawnFor=7:Refusal")
                .doesNotContain("errors=");
    }

    @Test
    void aNotFoundOnAFormPageIsTheErrorPage() throws Exception {
        var answer = mvc.perform(post("/things/7").param("name", "x").param("why", "NOT_FOUND"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).isEqualTo(404);
    }

    @Test
    void aRefusalRedirectsWithItsMessageAndTheInputItKeeps() throws Exception {
        var refused = mvc.perform(post("/cases/A-1/act").param("opinion", "同意").param("why", "UNPROCESSABLE"))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(302);
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/cases/A-1");
        assertThat((Map<String, Object>) refused.getFlashMap())
                .containsEntry("error", "test.refused")
                .containsEntry("opinion", "同意");

        var gone = mvc.perform(post("/cases/A-1/act").param("opinion", "同意").param("why", "NOT_FOUND"))
                .andReturn();
        assertThat(gone.getResponse().getRedirectedUrl()).isEqualTo("/inbox");
        assertThat((Map<String, Object>) gone.getFlashMap())
                .containsEntry("error", "test.gone")
                .doesNotContainKey("opinion");
    }

    @Test
    void invalidInputCanRedirectWithTheFirstFieldsMessage() throws Exception {
        var answer = mvc.perform(post("/accounts/enabled")).andReturn();
        assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/accounts");
        assertThat((Map<String, Object>) answer.getFlashMap()).containsEntry("notice", "test.identifier.required");
    }

    @Test
    void aRefusalThatNoAnnotationTakesIsTheErrorPageOfItsKind() throws Exception {
        for (var kind : Refusal.Kind.values()) {
            var answer = mvc.perform(get("/licenses/" + kind)).andReturn().getResponse();
            assertThat(answer.getStatus()).as(kind.name()).isEqualTo(kind.status());
        }
    }

    private static AnnotationConfigWebApplicationContext context() {
        var context = new AnnotationConfigWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.register(Web.class);
        context.refresh();
        return context;
    }
}
