package io.pactport.api.ui;

import io.pactport.api.config.ApiConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Protects the UI's forms from cross-site requests. A browser sends its basic-auth credentials with any request to this
 * origin, including one a page elsewhere makes it send, so every form the UI renders carries a token only this server
 * can make: an HMAC of the credentials the page was served to. Every UI request that changes something must bring it back
 * in its {@code csrf} query parameter (in the form's action, so it is checked before any form field is read, for every
 * action at once), and must not be marked cross-site by the browser ({@code Sec-Fetch-Site}).
 * <p>
 * The API itself needs no token: it takes JSON bodies, which a page elsewhere cannot send without CORS, which Pactport
 * does not enable.
 */
@ApplicationScoped
public class Csrf {

    public static final String PARAMETER = "csrf";
    static final String REFUSED =
            "This form has expired or was not sent from Pactport's own page: reload the page and" + " try again.";

    private final SecretKeySpec key;

    Csrf(ApiConfig config) {
        byte[] secret = config.ui()
                .csrfSecret()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return random;
                });
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The token of the forms a page shows to the holder of these credentials (an Authorization header, or null). */
    public String token(String authorization) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sum = mac.doFinal(("pactport-ui-form|" + (authorization == null ? "" : authorization))
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @ServerRequestFilter
    Response check(HttpServerRequest request) {
        String method = request.method().name();
        if (!request.path().startsWith(BrowserPages.ROOT + "/")
                || "GET".equals(method)
                || "HEAD".equals(method)
                || "OPTIONS".equals(method)) {
            return null;
        }
        String expected = token(request.getHeader(HttpHeaders.AUTHORIZATION));
        String given = request.getParam(PARAMETER);
        boolean sameToken = given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
        if (sameToken && !"cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return null;
        }
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                .entity(REFUSED)
                .build();
    }
}
