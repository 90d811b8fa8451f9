package org.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.IntegrationTest;

/** Finding 15 of issue 9: a PostgreSQL error line printed a phone. No log line carries a full phone or ID number. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInLogsTests extends IntegrationTest {

    private static final String PHONE = "13912345678";
    private static final String ID_NUMBER =
            "44010619900307123" + org.tongban.shared.IdNumber.checkChar("44010619900307123");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDatabaseErrorAboutAValueDoesNotCarryTheValue(CapturedOutput output) {
        var error = new Throwable[1];
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
                    jdbc.sql("create temporary table phones (phone text unique) on commit drop")
                            .update();
                    jdbc.sql("insert into phones values (:p)").param("p", PHONE).update();
                    jdbc.sql("insert into phones values (:p)").param("p", PHONE).update();
                }))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> error[0] = e);
        var message = new StringBuilder();
        for (Throwable t = error[0]; t != null; t = t.getCause())
            message.append(t.getMessage()).append('\n');
        assertThat(message.toString()).contains("phones_phone_key").doesNotContain(PHONE);
        LoggerFactory.getLogger(PersonalDataInLogsTests.class).warn("Insert failed", error[0]);
        assertThat(output.getAll()).contains("Insert failed").doesNotContain(PHONE);
    }

    @Test
    void aLogLineThatNamesAPhoneOrIdNumberShowsThemMasked(CapturedOutput output) {
        LoggerFactory.getLogger(PersonalDataInLogsTests.class)
                .info("SMS to {} for {}", PHONE, ID_NUMBER, new IllegalStateException("gateway refused +86 " + PHONE));
        assertThat(output.getAll())
                .contains("SMS to 139****5678 for 4401**********")
                .doesNotContain(PHONE)
                .doesNotContain(ID_NUMBER);
    }
}
