package org.tongban.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** Issue 9, finding 17: the production profile refuses every development setting, and names each one. */
class ProductionReadinessTests {

    static Map<String, String> ready() {
        var p = new LinkedHashMap<String, String>();
        p.put("spring.datasource.url", "jdbc:postgresql://db.gov.example:5432/tongban");
        p.put("spring.datasource.username", "tongban_app");
        p.put("spring.flyway.user", "tongban_owner");
        p.put("tongban.notifications.sms", "gateway");
        p.put("tongban.notifications.email", "smtp");
        p.put("springdoc.swagger-ui.enabled", "false");
        p.put("tongban.security.passkeys.rp-id", "zwfw.gov.example");
        p.put("tongban.security.passkeys.allowed-origins", "https://zwfw.gov.example");
        p.put("tongban.security.issuer", "https://zwfw.gov.example");
        p.put("server.servlet.session.cookie.secure", "true");
        p.put("tongban.keys.field-encryption-key", "AAAAAAAAAAAAAAAAAAAAAA==");
        p.put("tongban.keys.blind-index-key", "k");
        p.put("tongban.licenses.master-key", "k");
        p.put("tongban.audit.chain-key", "k");
        p.put("tongban.keys.dev-key-file", "");
        p.put("tongban.demo-data.enabled", "false");
        return p;
    }

    static MockEnvironment production(Map<String, String> properties) {
        var env = new MockEnvironment();
        properties.forEach(env::setProperty);
        env.setActiveProfiles("production");
        return env;
    }

    @Test
    void aProductionConfigurationStarts() {
        assertThat(ProductionReadiness.problems(production(ready()))).isEmpty();
        assertThatCode(() ->
                        new ProductionReadiness().postProcessEnvironment(production(ready()), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            spring.datasource.url                     |                               | embedded PostgreSQL
            spring.datasource.username                | postgres                      | connects as 'postgres'
            spring.datasource.username                | tongban_owner                 | the migrations' login
            tongban.notifications.sms                 | development                   | development sender
            tongban.notifications.email               | development                   | E-mails go to the development
            springdoc.swagger-ui.enabled              | true                          | Swagger UI
            tongban.security.passkeys.rp-id           | localhost                     | relying-party id
            tongban.security.passkeys.rp-id           | 127.0.0.1                     | relying-party id
            tongban.security.issuer                   | http://localhost:8080         | token issuer
            tongban.security.issuer                   | http://zwfw.gov.example       | token issuer
            tongban.security.passkeys.allowed-origins | https://a.example,http://localhost:8080 | passkey origin
            server.servlet.session.cookie.secure      | false                         | plain http
            tongban.keys.field-encryption-key         |                               | TONGBAN_FIELD_KEY
            tongban.audit.chain-key                   |                               | TONGBAN_AUDIT_KEY
            tongban.licenses.master-key               |                               | TONGBAN_LICENCE_MASTER_KEY
            tongban.keys.dev-key-file                 | ./data/dev-keys.properties    | development key file
            tongban.demo-data.enabled                 | true                          | Demo data
            """)
    void eachDevelopmentSettingIsRefused(String property, String value, String named) {
        var properties = ready();
        properties.put(property, value == null ? "" : value);
        var env = production(properties);
        assertThat(ProductionReadiness.problems(env)).singleElement().asString().contains(named);
        assertThatThrownBy(() -> new ProductionReadiness().postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refuses to start")
                .hasMessageContaining(named);
    }

    @Test
    void theProductionProfileAsShippedNamesEveryProblemAtOnce() throws IOException {
        // application.yml under application-production.yml, as Spring reads them, with no environment variables set.
        var env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        var yaml = new YamlPropertySourceLoader();
        yaml.load("production", new ClassPathResource("application-production.yml"))
                .forEach(env.getPropertySources()::addLast);
        yaml.load("default", new ClassPathResource("application.yml")).forEach(env.getPropertySources()::addLast);
        env.setActiveProfiles("production");
        assertThatThrownBy(() -> new ProductionReadiness().postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll(
                        "embedded PostgreSQL",
                        "development sender",
                        "relying-party id",
                        "token issuer",
                        "passkey origin",
                        "TONGBAN_FIELD_KEY",
                        "TONGBAN_INDEX_KEY",
                        "TONGBAN_LICENCE_MASTER_KEY",
                        "TONGBAN_AUDIT_KEY")
                // What the production profile sets itself is not among them.
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("Swagger", "plain http", "Demo data", "development key file"));
    }

    @Test
    void otherProfilesAreNotChecked() {
        var env = new MockEnvironment();
        assertThatCode(() -> new ProductionReadiness().postProcessEnvironment(env, new SpringApplication()))
                .doesNotThrowAnyException();
    }
}
