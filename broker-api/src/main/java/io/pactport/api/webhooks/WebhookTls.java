package io.pactport.api.webhooks;

import io.pactport.api.config.ApiConfig;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.TrustOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jboss.logging.Logger;

/**
 * How webhooks check the servers they call over TLS, from the Pact Broker's settings: the JVM's trusted authorities
 * plus the {@code PACTFLOW_WEBHOOK_CERTIFICATES}, or no check at all with {@code PACTFLOW_DISABLE_SSL_VERIFICATION}.
 * As in the Pact Broker, a certificate entry that cannot be read is logged (index and description, never its content)
 * and left out, and the others still apply.
 */
final class WebhookTls {

    private static final Logger LOG = Logger.getLogger(WebhookTls.class);

    private WebhookTls() {}

    /** {@code options} with the TLS checks the settings ask for. */
    static HttpClientOptions apply(HttpClientOptions options, ApiConfig config) {
        if (config.disableSslVerification()) {
            LOG.warn("PACTFLOW_DISABLE_SSL_VERIFICATION is true: webhooks do not check the TLS certificates of the"
                    + " servers they call");
            return options.setTrustAll(true).setVerifyHost(false);
        }
        List<X509Certificate> extra = certificates(config.webhook().certificates());
        if (extra.isEmpty()) {
            return options;
        }
        return options.setTrustOptions(TrustOptions.wrap(trustManager(extra)));
    }

    /** The readable certificates of the entries, in index order. */
    static List<X509Certificate> certificates(Map<String, ApiConfig.Webhook.Certificate> entries) {
        List<X509Certificate> certificates = new ArrayList<>();
        entries.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(WebhookTls::index)))
                .forEach(entry -> certificates.addAll(read(entry.getKey(), entry.getValue())));
        return certificates;
    }

    private static List<X509Certificate> read(String index, ApiConfig.Webhook.Certificate entry) {
        String name = "PACTFLOW_WEBHOOK_CERTIFICATES__" + index + " ("
                + entry.description().or(entry::label).orElse("no description") + ")";
        try {
            String pem = entry.content().isPresent()
                    ? entry.content().get()
                    : Files.readString(Path.of(entry.path()
                            .orElseThrow(() -> new IllegalArgumentException("neither CONTENT nor PATH is set"))));
            List<X509Certificate> read = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)))) {
                read.add((X509Certificate) certificate);
            }
            if (read.isEmpty()) {
                throw new IllegalArgumentException("no PEM certificate in it");
            }
            LOG.infof("webhooks trust %d certificate(s) of %s", read.size(), name);
            return read;
        } catch (Exception e) {
            LOG.warnf("%s is left out: it could not be read as PEM certificates (%s)", name, e.getMessage());
            return List.of();
        }
    }

    /** The JVM's trusted authorities and {@code extra}, in one trust manager. */
    private static X509TrustManager trustManager(List<X509Certificate> extra) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate authority : jvmTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("jvm-" + n++, authority);
            }
            for (X509Certificate certificate : extra) {
                store.setCertificateEntry("webhook-" + n++, certificate);
            }
            return x509(store);
        } catch (Exception e) {
            throw new IllegalStateException("could not build the webhooks' trust store", e);
        }
    }

    private static X509TrustManager jvmTrustManager() throws Exception {
        return x509(null);
    }

    private static X509TrustManager x509(KeyStore store) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }

    /** Entries sort by their number, so 10 follows 9; a key that is not one sorts last. */
    private static long index(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
