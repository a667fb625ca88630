package dev.finflow.auth.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OriginTest {

    @Test
    void keepsTheIpv4Slash24Only() {
        assertThat(Origin.network("192.0.2.173")).isEqualTo("192.0.2.0/24");
    }

    @Test
    void keepsTheIpv6Slash48Only() {
        assertThat(Origin.network("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1::/48");
        assertThat(Origin.network("0:0:0:0:0:0:0:1")).isEqualTo("0::/48");
    }

    @Test
    void anIpv4MappedAddressIsAnIpv4Network() {
        assertThat(Origin.network("::ffff:198.51.100.7")).isEqualTo("198.51.100.0/24");
    }

    @Test
    void somethingThatIsNotAnAddressIsNoOriginAndIsNeverLookedUp() {
        assertThat(Origin.network("example.com")).isNull();
        assertThat(Origin.network("")).isNull();
        assertThat(Origin.network(null)).isNull();
    }
}
