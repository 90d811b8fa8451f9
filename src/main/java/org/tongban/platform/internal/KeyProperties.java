package org.tongban.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys that protect personal data (GB/T 39786 8.4 e). Given as base64 in the environment in production; in the
 * default profile a development key file is generated under the data directory on first start and never committed.
 *
 * @param fieldEncryptionKey SM4 key, 16 bytes, base64
 * @param blindIndexKey      HMAC-SM3 key, 32 bytes, base64
 * @param devKeyFile         where to keep generated development keys; empty disables generation (production)
 */
@ConfigurationProperties(prefix = "tongban.keys", ignoreUnknownFields = false)
public record KeyProperties(String fieldEncryptionKey, String blindIndexKey, String devKeyFile) {}
