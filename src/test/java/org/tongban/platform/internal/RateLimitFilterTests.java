package org.tongban.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitFilterTests {

    @Test
    void anIpv4AddressIsCountedAsItIs() {
        assertThat(RateLimitFilter.client("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void anIpv6AddressIsCountedByItsSlash64SoThatASubscriberCannotRotateAddresses() {
        assertThat(RateLimitFilter.client("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(RateLimitFilter.client("2001:0db8:0001:0002:0:0:0:1"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(RateLimitFilter.client("2001:db8:1:3::1")).isNotEqualTo(RateLimitFilter.client("2001:db8:1:2::1"));
        assertThat(RateLimitFilter.client("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
    }
}
