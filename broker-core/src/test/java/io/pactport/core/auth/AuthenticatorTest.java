package io.pactport.core.auth;

import static io.pactport.core.auth.AccessLevel.PUBLIC;
import static io.pactport.core.auth.AccessLevel.READ;
import static io.pactport.core.auth.AccessLevel.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    /** The settings as the mapping would hold them. */
    private record Settings(
            Optional<Boolean> basicAuthEnabled,
            Optional<String> basicAuthUsername,
            Optional<String> basicAuthPassword,
            Optional<String> basicAuthReadOnlyUsername,
            Optional<String> basicAuthReadOnlyPassword,
            boolean allowPublicRead,
            boolean publicHeartbeat,
            Optional<List<String>> readOnlyApiTokens,
            Optional<List<String>> readWriteApiTokens)
            implements AuthConfig {

        /** Not the authenticator's concern: the access policy reads it. */
        @Override
        public boolean enablePublicBadgeAccess() {
            return true;
        }

        static Settings users(
                Optional<Boolean> enabled, String user, String password, String reader, String readerPassword) {
            return new Settings(
                    enabled,
                    Optional.ofNullable(user),
                    Optional.ofNullable(password),
                    Optional.ofNullable(reader),
                    Optional.ofNullable(readerPassword),
                    false,
                    false,
                    Optional.empty(),
                    Optional.empty());
        }

        static Settings tokens(List<String> readOnly, List<String> readWrite) {
            return new Settings(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    false,
                    Optional.of(readOnly),
                    Optional.of(readWrite));
        }
    }

    private static final Authenticator USERS =
            Authenticator.from(Settings.users(Optional.empty(), "admin", "rw-pass", "reader", "ro-pass"));

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theUsersGetTheirLevel() {
        assertThat(USERS.enabled()).isTrue();
        assertThat(USERS.grant(basic("admin:rw-pass"))).isEqualTo(WRITE);
        assertThat(USERS.grant(basic("reader:ro-pass"))).isEqualTo(READ);
        assertThat(USERS.grant("basic " + basic("admin:rw-pass").substring(6))).isEqualTo(WRITE);
    }

    @Test
    void anythingElseGrantsNothing() {
        assertThat(USERS.grant(null)).isEqualTo(PUBLIC);
        assertThat(USERS.grant(basic("admin:ro-pass"))).isEqualTo(PUBLIC);
        assertThat(USERS.grant(basic("reader:rw-pass"))).isEqualTo(PUBLIC);
        assertThat(USERS.grant(basic("nobody:rw-pass"))).isEqualTo(PUBLIC);
        assertThat(USERS.grant(basic("admin"))).isEqualTo(PUBLIC);
        assertThat(USERS.grant(basic("admin:rw-pass "))).isEqualTo(PUBLIC);
        assertThat(USERS.grant("Basic not-base64!")).isEqualTo(PUBLIC);
        assertThat(USERS.grant("Basic")).isEqualTo(PUBLIC);
        assertThat(USERS.grant("Digest " + basic("admin:rw-pass").substring(6))).isEqualTo(PUBLIC);
        assertThat(USERS.grant("Bearer rw-pass")).isEqualTo(PUBLIC);
    }

    @Test
    void aPasswordMayContainColons() {
        Authenticator colons = Authenticator.from(Settings.users(Optional.empty(), "admin", "a:b:c", null, null));
        assertThat(colons.grant(basic("admin:a:b:c"))).isEqualTo(WRITE);
    }

    @Test
    void basicAuthIsOnWhenTheReadWriteUserIsSetOrWhenAskedFor() {
        assertThat(Authenticator.from(Settings.users(Optional.empty(), null, null, null, null))
                        .enabled())
                .isFalse();
        assertThat(Authenticator.from(Settings.users(Optional.empty(), "admin", " ", null, null))
                        .enabled())
                .isFalse();
        assertThat(Authenticator.from(Settings.users(Optional.empty(), null, null, "reader", "ro-pass"))
                        .enabled())
                .isFalse();
        assertThat(Authenticator.from(Settings.users(Optional.of(false), "admin", "rw-pass", null, null))
                        .enabled())
                .isFalse();
        Authenticator nobody = Authenticator.from(Settings.users(Optional.of(true), null, null, null, null));
        assertThat(nobody.enabled()).isTrue();
        assertThat(nobody.grant(basic(":"))).isEqualTo(PUBLIC);
    }

    @Test
    void aReadOnlyUserWithoutPasswordIsIgnored() {
        Authenticator half = Authenticator.from(Settings.users(Optional.empty(), "admin", "rw-pass", "reader", null));
        assertThat(half.grant(basic("reader:"))).isEqualTo(PUBLIC);
    }

    @Test
    void tokensGrantTheirLevelAndTurnAuthenticationOn() {
        Authenticator tokens = Authenticator.from(Settings.tokens(List.of("ro-1", " ro-2 ", ""), List.of("rw-1")));
        assertThat(tokens.enabled()).isTrue();
        assertThat(tokens.grant("Bearer ro-1")).isEqualTo(READ);
        assertThat(tokens.grant("Bearer ro-2")).isEqualTo(READ);
        assertThat(tokens.grant("bearer rw-1")).isEqualTo(WRITE);
        assertThat(tokens.grant("Bearer rw-2")).isEqualTo(PUBLIC);
        assertThat(tokens.grant("Bearer ")).isEqualTo(PUBLIC);
        assertThat(tokens.grant(basic("admin:rw-1"))).isEqualTo(PUBLIC);
    }

    @Test
    void theDescriptionNamesNoSecret() {
        Authenticator both = Authenticator.from(new Settings(
                Optional.empty(),
                Optional.of("admin"),
                Optional.of("rw-pass"),
                Optional.empty(),
                Optional.empty(),
                false,
                false,
                Optional.of(List.of("ro-1")),
                Optional.of(List.of("rw-1", "rw-2"))));
        assertThat(both.describe())
                .isEqualTo("basic auth on with 1 user(s), 2 read/write and 1 read-only API token(s)")
                .doesNotContain("admin", "rw-pass", "rw-1");
    }
}
