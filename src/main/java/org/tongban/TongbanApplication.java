package org.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tongban (通办): one base, three channels. Start here; each top-level package is a module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Tongban", sharedModules = "shared")
public class TongbanApplication {

    public static void main(String[] args) {
        SpringApplication.run(TongbanApplication.class, args);
    }
}
