package io.pactport.api.docs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /doc/{rel}} pages: one per link relation Pactport's documents name (the {@code pb:} and {@code beta:}
 * curies), read from {@code doc/pages.tsv}, rendered as plain HTML with no external assets. The Pact Broker's
 * {@code context} (index, pacticipant, pact…) chooses nothing here: a relation means the same wherever it appears.
 */
final class DocPages {

    /** A relation's page: what it is, the methods it takes and an example request. */
    record Page(String rel, String methods, String text, String example) {}

    /** Relations the webhook documents' curie ({@code /doc/webhooks-{rel}}) names that are about webhooks at large. */
    private static final Map<String, String> ALIASES =
            Map.of("webhooks-create", "webhooks", "webhooks-webhooks", "webhooks");

    private static final Map<String, Page> PAGES = load();

    private DocPages() {}

    /** The page of a relation, as the curies spell it ({@code pb:} dropped, or {@code webhooks-} prefixed). */
    static Optional<Page> find(String rel) {
        String name = ALIASES.getOrDefault(rel, rel);
        if (!PAGES.containsKey(name) && name.startsWith("webhooks-")) {
            name = name.substring("webhooks-".length());
        }
        return Optional.ofNullable(PAGES.get(name));
    }

    static String html(Page page) {
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(escape(page.text())).append("</p>\n");
        body.append("<h2>Methods</h2>\n<p>").append(escape(page.methods())).append("</p>\n");
        body.append("<h2>Example</h2>\n<pre><code>")
                .append(escape(page.example()))
                .append("</code></pre>\n");
        if (page.rel().equals("webhooks")) {
            body.append("""
                    <h2 id="whitelist">What a webhook may call</h2>
                    <p>A webhook's request must use a scheme of PACTFLOW_WEBHOOK_SCHEME_WHITELIST (https unless \
                    configured), a method of PACTFLOW_WEBHOOK_HTTP_METHOD_WHITELIST (POST unless configured), and a \
                    host that PACTFLOW_WEBHOOK_HOST_WHITELIST allows: host names, wildcards such as *.example.org, \
                    /regular expressions/, IP addresses and CIDR ranges, separated by spaces. Without a host \
                    whitelist any public host may be called. A loopback, private or link-local address is only \
                    called when an entry of the host whitelist allows it. A webhook that breaks these rules is \
                    refused when it is saved and is not run.</p>
                    """);
        }
        return document(page.rel(), body.toString());
    }

    static String notFound(String rel) {
        return document(
                "No documentation for " + rel,
                "<p>There is no page for the relation " + escape(rel)
                        + ". The relations of a document are listed in its <code>_links</code>.</p>\n");
    }

    private static String document(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%1$s</title>
                </head>
                <body>
                <main>
                <h1>%1$s</h1>
                %2$s</main>
                </body>
                </html>
                """.formatted(escape(title), body);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static Map<String, Page> load() {
        Map<String, Page> pages = new LinkedHashMap<>();
        try (InputStream in = DocPages.class.getResourceAsStream("/doc/pages.tsv");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 4) {
                    throw new IllegalStateException("doc/pages.tsv: four tab-separated fields expected in " + line);
                }
                pages.put(fields[0], new Page(fields[0], fields[1], fields[2], fields[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }
}
