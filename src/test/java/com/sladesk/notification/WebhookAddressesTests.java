package com.sladesk.notification;

import com.sladesk.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Server-side request forgery: a webhook someone outside the team gives may not point at this
 * machine, the cloud's metadata service or the private network, and only http(s) is called;
 * {@code sladesk.webhooks.allow-private} lifts the address rule, not the scheme rule.
 */
class WebhookAddressesTests {

    final WebhookAddresses guarded = new WebhookAddresses(false);

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/hook",
            "http://172.16.0.9/hook", "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/hook", "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://100.64.0.1/hook",
            "http://0.0.0.0/hook", "http://[::ffff:127.0.0.1]/hook", "https://224.0.0.1/hook" })
    void privateLoopbackAndLinkLocalAddressesAreRefused(String url) {
        assertThatThrownBy(() -> guarded.check("url", url)).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "url").hasFieldOrPropertyWithValue("rule", "public-address");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.org/hook", "file:///etc/passwd", "gopher://example.org/", "javascript:alert(1)",
            "http:///nohost", "https://user:pass@93.184.216.34/hook", "not a url" })
    void onlyHttpAndHttpsWithAHostAreCalled(String url) {
        assertThatThrownBy(() -> guarded.check("url", url)).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("rule", "http-or-https");
        assertThatThrownBy(() -> new WebhookAddresses(true).check("url", url)).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("rule", "http-or-https");
    }

    @Test
    void aNameThatDoesNotResolveIsRefusedWhenGivenAndTriedAgainWhenDelivering() {
        String problem = guarded.problem("https://no-such-host.invalid/hook");
        assertThat(problem).startsWith("public-address:").endsWith("is not found");
        assertThat(WebhookAddresses.mayPassLater(problem)).isTrue();
        assertThat(WebhookAddresses.mayPassLater(guarded.problem("http://10.0.0.1/hook"))).isFalse();
    }

    @Test
    void aPublicAddressIsCalledAndTheTestsSettingAllowsTheirReceiver() {
        assertThat(guarded.problem("https://93.184.216.34/hooks/abc")).isNull();
        assertThat(guarded.problem("http://[2606:4700:4700::1111]/hook")).isNull();
        assertThat(new WebhookAddresses(true).problem("http://127.0.0.1:18477/hook")).isNull();
    }
}
