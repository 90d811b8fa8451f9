package org.tongban.licenses.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Start-up check of the master key against the key store (a node with the wrong key, or production on a development
 * key store, refuses to start), and the daily expiry sweep (00:05 China time; several nodes may run it, the second
 * finds nothing).
 */
@Component
@Order(5)
class Housekeeping implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final SoftwareKeyStore keys;
    private final LicenseManagement licenses;

    Housekeeping(SoftwareKeyStore keys, LicenseManagement licenses) {
        this.keys = keys;
        this.licenses = licenses;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.checkMasterKey();
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Shanghai")
    void expire() {
        int n = licenses.expireEnded();
        if (n > 0) log.info("{} licenses expired", n);
    }
}
