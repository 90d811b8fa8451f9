package org.tongban.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.env.MockEnvironment;

class DevelopmentMessageSenderTests {

    private static final String TEXT = "【通办】您的登录验证码为 493817，5 分钟内有效。请勿告诉他人。";
    private final Logger logger = (Logger) LoggerFactory.getLogger(DevelopmentMessageSender.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void theProductionProfileRefusesTheDevelopmentSmsChannel() {
        var production = new MockEnvironment();
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> new DevelopmentMessageSender(production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tongban.notifications.sms=development");
    }

    @Test
    void outsideTheDeveloperProfilesTheLogMasksTheCode() {
        var staging = new MockEnvironment();
        staging.setActiveProfiles("staging");
        var sender = new DevelopmentMessageSender(staging);
        sender.send("13800138000", TEXT);

        assertThat(lines.list)
                .singleElement()
                .satisfies(line -> assertThat(line.getFormattedMessage())
                        .doesNotContain("493817")
                        .doesNotContain("13800138000")
                        .contains("******")
                        .contains("138****8000"));
        // Tests still read the code: the outbox keeps the text in memory.
        assertThat(sender.lastTextTo("13800138000")).contains(TEXT);
    }

    @Test
    void aDeveloperRunningTheDefaultProfileReadsTheCodeInTheLog() {
        var sender = new DevelopmentMessageSender(new MockEnvironment());
        sender.send("13800138000", TEXT);
        assertThat(lines.list)
                .singleElement()
                .satisfies(line -> assertThat(line.getFormattedMessage()).contains("493817"));
    }
}
