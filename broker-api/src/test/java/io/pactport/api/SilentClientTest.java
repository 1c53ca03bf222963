package io.pactport.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client that opens a connection, or starts a request, and then goes silent does not keep its socket. */
@QuarkusTest
@TestProfile(SilentClientTest.ShortIdleTimeout.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class SilentClientTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "2s");
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void aConnectionThatSendsNothingIsClosed() throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            assertThat(readUntilClosed(socket)).isEqualTo(-1);
        }
    }

    @Test
    void aRequestWhoseHeadersStopHalfWayIsClosed() throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nX-Half".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(readUntilClosed(socket)).isEqualTo(-1);
        }
    }

    /** -1 once the server has closed the connection; a read that waits 30 s fails instead (the test must not hang). */
    private static int readUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        int read;
        while ((read = in.read()) >= 0) {
            // whatever the server says before closing (nothing, for a request it never got whole)
        }
        return read;
    }
}
