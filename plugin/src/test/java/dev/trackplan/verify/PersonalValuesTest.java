package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalValuesTest {
    @Test
    void emailAddressesAndTokensAreFound() {
        assertThat(PersonalValues.problem("jane.doe@example.com")).contains("email address");
        assertThat(PersonalValues.problem("https://site.test/thanks/?who=jane%40example.com")).contains("email address");
        assertThat(PersonalValues.problem("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc")).contains("token");
        assertThat(PersonalValues.problem("https://site.test/reset/?token=abc123")).contains("'token'");
        assertThat(PersonalValues.problem("https://site.test/#access_token=abc")).contains("'access_token'");
    }

    @Test
    void ordinaryValuesPass() {
        assertThat(PersonalValues.problem("https://site.test/pricing/?utm_source=news")).isNull();
        assertThat(PersonalValues.problem("Launching Acme Analytics · Acme Analytics")).isNull();
        assertThat(PersonalValues.problem("@acme on social")).isNull();
        assertThat(PersonalValues.problem("x".repeat(1024))).isNull();
    }
}
