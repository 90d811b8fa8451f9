package org.tongban.identity.internal;

import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.tongban.identity.FaceVerification;
import org.tongban.shared.IdNumber;

/**
 * The development stand-in for the face check: the outcome is what the developer chose on the page, evidence
 * {@value #PASS} passes and anything else fails, so a demo or a test can take either path deterministically. It
 * proves nothing about a face, so the production profile refuses to start with it (ADR 0015).
 */
@Component
@ConditionalOnProperty(name = "tongban.identity.face-verification", havingValue = "demo", matchIfMissing = true)
public class DemoFaceVerification implements FaceVerification {

    public static final String PASS = "demo:pass";
    public static final String FAIL = "demo:fail";

    public DemoFaceVerification(Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("production")) {
            throw new IllegalStateException("The production profile refuses the demo face check: set "
                    + "tongban.identity.face-verification=provider and provide the face-check provider's "
                    + "FaceVerification adapter");
        }
    }

    @Override
    public boolean verify(IdNumber idNumber, String name, String evidence) {
        return PASS.equals(evidence);
    }

    @Override
    public boolean demo() {
        return true;
    }
}
