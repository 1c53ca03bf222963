package io.pactport.api;

import io.pactport.core.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test of the UI's pages in a real browser: a fresh headless Chromium for each test, on the application under test. */
public abstract class BrowserTest {

    @TestHTTPResource("/")
    protected URL root;

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** The application's URL, without a trailing slash, for a second browser (another user). */
    protected String baseUrl() {
        return root.toString().replaceAll("/$", "");
    }
}
