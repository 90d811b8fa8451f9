package org.tongban.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Role;
import org.tongban.shared.IdNumber;

/**
 * A province-wide demo directory (通讯录, issue 13 part 7): 210 officials with generated Chinese names (surname and
 * given-name lists walked deterministically) and posts, spread over the demo departments of every demo region.
 * Their accounts have no login name, no phone and a password nobody knows (one random password, hashed once for
 * all of them): they are in the directory, not at the sign-in page. Once, after {@link DemoData}; not in production.
 */
@Component
@Order(12)
class DemoDirectory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);
    static final int COUNT = 210;
    private static final String STAFF_PREFIX = "DIR-";

    static final List<String> SURNAMES = List.of(
            "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "梁",
            "郑", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曹", "曾", "彭", "萧", "蔡", "潘", "田", "董", "袁", "于", "余", "叶", "蒋",
            "杜", "苏", "魏", "程", "吕", "丁", "沈", "任", "姚", "卢", "钟", "姜", "崔", "谭", "陆", "范", "汪", "廖");
    static final List<String> GIVEN = List.of(
            "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平",
            "刚", "桂英", "志强", "海燕", "建华", "晓东", "文博", "子涵", "雨轩", "浩然", "思远", "嘉怡", "俊杰", "欣怡", "宇航", "晓燕", "国栋", "雪梅",
            "振华", "丽华", "永强", "婉婷", "志明", "美玲", "家豪", "慧敏", "卓然", "梓萱", "培源");
    static final List<String> POSTS =
            List.of("科员", "科员", "一级科员", "四级主任科员", "三级主任科员", "副科长", "科长", "办事员", "二级主任科员", "副处长", "处长", "副局长");

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final PersonStore persons;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;
    private final Environment environment;

    DemoDirectory(
            JdbcClient jdbc,
            AccountStore accounts,
            PersonStore persons,
            PasswordEncoder passwords,
            TransactionTemplate tx,
            Environment environment) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.persons = persons;
        this.passwords = passwords;
        this.tx = tx;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("production"))
                || !environment.getProperty("tongban.demo-data.enabled", Boolean.class, true)) {
            return;
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-directory'))")
                    .query()
                    .singleValue();
            if (jdbc.sql("select count(*) from identity.official where staff_no like 'DIR-%'")
                            .query(Long.class)
                            .single()
                    > 0) return;
            var departments = jdbc.sql("select id from identity.org_unit where kind = 'DEPARTMENT' order by code")
                    .query(UUID.class)
                    .list();
            if (departments.isEmpty()) return;
            var random = new byte[32];
            new SecureRandom().nextBytes(random);
            var hash =
                    Objects.requireNonNull(passwords.encode(Base64.getEncoder().encodeToString(random)));
            for (int i = 0; i < COUNT; i++) {
                var unit = departments.get(i % departments.size());
                var person = persons.insertPerson(name(i), idNumber(i), null, 4);
                var account = accounts.insertAccount(person, null, hash);
                accounts.grantRole(account, Role.OFFICIAL, unit, null);
                jdbc.sql("insert into identity.official (account_id, staff_no, org_unit_id, post)"
                                + " values (:a, :s, :u, :p)")
                        .param("a", account)
                        .param("s", STAFF_PREFIX + String.format("%04d", i + 1))
                        .param("u", unit)
                        .param("p", POSTS.get((i * 7 + i / departments.size()) % POSTS.size()))
                        .update();
            }
            log.info("Demo directory seeded: {} officials in {} departments", COUNT, departments.size());
        });
    }

    /** The i-th generated name: surnames and given names walked with coprime steps, so names rarely repeat. */
    static String name(int i) {
        return SURNAMES.get((i * 7) % SURNAMES.size()) + GIVEN.get((i * 11 + i / SURNAMES.size()) % GIVEN.size());
    }

    /**
     * A valid ID number for the i-th official (白云区 440111, born on a day of 1970–1989): outside the numbers of
     * the other demo people, whose ID numbers start with other region codes.
     */
    static IdNumber idNumber(int i) {
        var year = 1970 + i % 20;
        var month = 1 + (i / 20) % 12;
        var day = 1 + (i / 240) % 28 + (i % 7);
        var first17 = String.format("440111%04d%02d%02d%03d", year, month, day, 100 + i % 900);
        return IdNumber.parse(first17 + IdNumber.checkChar(first17));
    }
}
