package io.pactport.api.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What every page's layout needs besides the page's own data: its title, the path the UI is served under (behind a
 * reverse proxy with a prefix, every link starts with it), which section of the navigation it belongs to, and whether
 * the viewer may change anything, with the token the page's forms carry.
 *
 * @param base     the path prefix of every link ("" when served at the root)
 * @param section  the navigation entry to mark as current (see {@code layout.html})
 * @param canWrite whether to offer write actions; the server refuses them from anyone else anyway
 */
public record PageFrame(String title, String base, String section, boolean canWrite, String csrf) {

    /** A link to a Pactport address (an API path, which a browser sees as its page). */
    public String link(String path) {
        return base + path;
    }

    /** The action of a form that changes something: the UI's handler at {@code /ui/...}, with the page's token. */
    public String action(String path) {
        return base + BrowserPages.ROOT + path + (path.contains("?") ? "&" : "?") + Csrf.PARAMETER + "=" + csrf;
    }

    /** A pacticipant's page. */
    public String pacticipant(String name) {
        return link("/pacticipants/" + segment(name));
    }

    /** One path segment, encoded: a pacticipant, version, tag or branch name in a link. */
    public String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query parameter's value, encoded. */
    public String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
