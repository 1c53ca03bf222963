package io.pactport.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** broker-api's settings, under the Pact Broker's names with the {@code PACTFLOW_} prefix. */
@ConfigMapping(prefix = "pactflow")
public interface ApiConfig {

    /** A Pact Broker list setting: values separated by spaces (or commas). */
    static List<String> words(String text) {
        return Arrays.stream(text.trim().split("[\\s,]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /**
     * The URL clients reach the broker at ({@code PACTFLOW_BASE_URL}), used in every link; when absent, links are built
     * from the request, as the Pact Broker does. Several, space-separated, when clients reach it under several names:
     * each request gets the one it asked for (see {@code http.BaseUrl}).
     */
    Optional<String> baseUrl();

    /** More base URLs ({@code PACTFLOW_BASE_URLS}, space-separated), as the Pact Broker's setting of that name. */
    Optional<String> baseUrls();

    /**
     * Whether tagging a version with the name of an environment records its deployment there
     * ({@code PACTFLOW_CREATE_DEPLOYED_VERSIONS_FOR_TAGS}), as the Pact Broker's setting of that name does.
     */
    @WithDefault("true")
    boolean createDeployedVersionsForTags();

    /**
     * Whether a pact may be republished with changed content for a consumer version that already has one
     * ({@code PACTFLOW_ALLOW_DANGEROUS_CONTRACT_MODIFICATION}); off by default, as in the Pact Broker, because a
     * version whose contract changes after it was verified makes can-i-deploy unreliable.
     */
    @WithDefault("false")
    boolean allowDangerousContractModification();

    // The Pact Broker's domain settings, under its names and with its defaults. Each is read once, where its rule
    // lives.

    /**
     * Whether a branch or tag named like one of {@link #mainBranchCandidates()} becomes a pacticipant's main branch when
     * it has none ({@code PACTFLOW_AUTO_DETECT_MAIN_BRANCH}).
     */
    @WithDefault("true")
    boolean autoDetectMainBranch();

    /** The names that may become a main branch ({@code PACTFLOW_MAIN_BRANCH_CANDIDATES}), space-separated. */
    @WithDefault("develop main master")
    String mainBranchCandidates();

    /**
     * Whether the first tag of a version on no branch becomes its branch, when the tag comes within
     * {@link #useFirstTagAsBranchTimeLimit()} of the version's creation ({@code PACTFLOW_USE_FIRST_TAG_AS_BRANCH}).
     */
    @WithDefault("true")
    boolean useFirstTagAsBranch();

    /** How old a version may be for its first tag to become its branch (a bare number is seconds). */
    @WithDefault("10s")
    Duration useFirstTagAsBranchTimeLimit();

    /**
     * Whether versions are ordered by creation ({@code PACTFLOW_ORDER_VERSIONS_BY_DATE}); when false, by their numbers
     * read with {@link #semverFormats()}, and a pact or verification whose version number none of them reads is
     * refused.
     */
    @WithDefault("true")
    boolean orderVersionsByDate();

    /**
     * How version numbers are read when they are not ordered by date ({@code PACTFLOW_SEMVER_FORMATS}), space-separated
     * and tried in turn: {@code %M} major, {@code %m} minor, {@code %p} patch, {@code %s} {@code -prerelease},
     * {@code %d} {@code +build}.
     */
    @WithDefault("%M.%m.%p%s%d %M.%m %M")
    String semverFormats();

    /**
     * Whether pacticipant names are matched exactly ({@code PACTFLOW_USE_CASE_SENSITIVE_RESOURCE_NAMES}); when false,
     * a pacticipant is found by its name in any case.
     */
    @WithDefault("true")
    boolean useCaseSensitiveResourceNames();

    /**
     * Whether publishing a pact for a new pacticipant whose name looks like an existing one's (case, separators, a
     * plural or an "api"/"provider"/"service" word apart) is refused with 409
     * ({@code PACTFLOW_CHECK_FOR_POTENTIAL_DUPLICATE_PACTICIPANT_NAMES}).
     */
    @WithDefault("true")
    boolean checkForPotentialDuplicatePacticipantNames();

    /**
     * Whether two pacts are the same when what a provider verifies is (interactions or messages in any order, and the
     * specification version), or only when their whole content is
     * ({@code PACTFLOW_BASE_EQUALITY_ONLY_ON_CONTENT_THAT_AFFECTS_VERIFICATION_RESULTS}): it decides the pact version
     * (SHA) a publication gets, so whether it counts as changed and as verified already.
     */
    @WithDefault("true")
    boolean baseEqualityOnlyOnContentThatAffectsVerificationResults();

    /**
     * The longest a request may take ({@code PACTFLOW_REQUEST_TIMEOUT}): after it the client gets a 503 and PostgreSQL
     * cancels the request's statement, so a blocked or unreachable database turns into clear errors, not requests that
     * wait forever. Publication, verification and can-i-deploy take milliseconds; this is a guard, not a budget.
     */
    @WithDefault("30s")
    Duration requestTimeout();

    /**
     * How badges are answered ({@code PACTFLOW_BADGE_PROVIDER_MODE}): {@code proxy} draws the SVG here, with no
     * outbound call, so badges work without internet access; {@code redirect} answers 307 to the same badge on
     * shields.io.
     */
    @WithDefault("proxy")
    BadgeProviderMode badgeProviderMode();

    /** Where redirected badges point ({@code PACTFLOW_SHIELDS_IO_BASE_URL}), e.g. a self-hosted shields.io. */
    @WithDefault("https://img.shields.io")
    String shieldsIoBaseUrl();

    /** The values of {@link #badgeProviderMode()}. */
    enum BadgeProviderMode {
        PROXY,
        REDIRECT
    }

    // The Pact Broker's infrastructure settings: its web client, badge caching, diff limit (webhook ones in Webhook).

    /**
     * The {@code User-Agent} of webhook requests ({@code PACTFLOW_USER_AGENT}), the Pact Broker's by default; a
     * webhook's own {@code User-Agent} header wins.
     */
    @WithDefault("Pact Broker v2.120.0")
    String userAgent();

    /**
     * Whether webhooks skip checking the TLS certificate and host name of the servers they call
     * ({@code PACTFLOW_DISABLE_SSL_VERIFICATION}); off by default, as in the Pact Broker. Prefer
     * {@code PACTFLOW_WEBHOOK_CERTIFICATES} for a server with a self-signed certificate.
     */
    @WithDefault("false")
    boolean disableSslVerification();

    /**
     * The {@code Cache-Control} of a successful can-i-merge badge ({@code PACTFLOW_BADGE_DEFAULT_CACHE_SETTING}), as
     * in the Pact Broker; every other badge, and a can-i-merge badge that reports an error, is {@code no-cache}.
     */
    @WithDefault("max-age=30")
    String badgeDefaultCacheSetting();

    /**
     * How long a pact diff may take ({@code PACTFLOW_PACT_CONTENT_DIFF_TIMEOUT}, seconds as in the Pact Broker): after
     * it the diff endpoints answer 408, as the Pact Broker's do, rather than hold the request.
     */
    @WithDefault("15s")
    Duration pactContentDiffTimeout();

    /** The event outbox relay. */
    Outbox outbox();

    /** The web UI. */
    Ui ui();

    interface Ui {
        /**
         * The key that signs the UI's forms against cross-site requests ({@code PACTFLOW_UI_CSRF_SECRET}). Unset, each
         * process draws one at start, so a page must be posted back to the replica that served it: set one shared
         * secret when several replicas sit behind a load balancer without sticky sessions.
         */
        Optional<String> csrfSecret();

        /** Where the operations pages reach retention-service ({@code PACTFLOW_UI_RETENTION_URL}). */
        @WithDefault("http://localhost:9293")
        String retentionUrl();

        /** Where the operations pages reach parallel-sync-service ({@code PACTFLOW_UI_SYNC_URL}). */
        @WithDefault("http://localhost:9294")
        String syncUrl();

        /**
         * How long the operations pages wait for one of those services ({@code PACTFLOW_UI_SERVICE_TIMEOUT}) before
         * saying it is not reachable: short, because a page waits for its slowest section.
         */
        @WithDefault("5s")
        Duration serviceTimeout();
    }

    /** Webhooks: what they may call, and how their executor retries ({@code PACTFLOW_WEBHOOK_*}). */
    Webhook webhook();

    interface Webhook {

        /**
         * Hosts webhooks may call ({@code PACTFLOW_WEBHOOK_HOST_WHITELIST}), space-separated as in the Pact Broker:
         * names, {@code *.example.org}, {@code /regex/}, IP addresses and CIDR ranges. Empty: any public host. A
         * loopback, private or link-local address is only reached when an entry allows it.
         */
        Optional<String> hostWhitelist();

        /** URL schemes webhooks may use ({@code PACTFLOW_WEBHOOK_SCHEME_WHITELIST}), space-separated. */
        @WithDefault("https")
        String schemeWhitelist();

        /** HTTP methods webhooks may use ({@code PACTFLOW_WEBHOOK_HTTP_METHOD_WHITELIST}), space-separated. */
        @WithDefault("POST")
        String httpMethodWhitelist();

        /** Response codes that count as success ({@code PACTFLOW_WEBHOOK_HTTP_CODE_SUCCESS}), space-separated. */
        @WithDefault("200 201 202 203 204 205 206")
        String httpCodeSuccess();

        /**
         * Seconds to wait before each retry of a failed webhook ({@code PACTFLOW_WEBHOOK_RETRY_SCHEDULE}); a webhook
         * is tried once plus once per entry.
         */
        @WithDefault("10 60 120 300 600 1200")
        String retrySchedule();

        /** How long one webhook request may take, connection included. */
        @WithDefault("15s")
        Duration timeout();

        /**
         * Whether the execution logs mask secrets ({@code PACTFLOW_WEBHOOK_REDACT_SENSITIVE_DATA}): the values of
         * headers named like {@code authorization} or {@code token}, and the basic-auth password. On by default; off
         * shows them in the logs, for debugging only (a warning says so at start-up). Responses to API calls mask them
         * either way, as the Pact Broker's do.
         */
        @WithDefault("true")
        boolean redactSensitiveData();

        /**
         * Certificates webhooks trust beyond the JVM's ({@code PACTFLOW_WEBHOOK_CERTIFICATES}), in the Pact Broker's
         * shape: {@code PACTFLOW_WEBHOOK_CERTIFICATES__0__CONTENT} (a PEM chain) or {@code __0__PATH} (a PEM file),
         * with {@code __0__DESCRIPTION} (or {@code __0__LABEL}) naming it in warnings; keyed by index.
         */
        Map<String, Certificate> certificates();

        /** One entry of {@link #certificates()}; an entry that cannot be read is logged and left out. */
        interface Certificate {

            Optional<String> content();

            Optional<String> path();

            Optional<String> description();

            Optional<String> label();
        }

        /** How often the executor looks for due retries, and for triggers Kafka has not delivered. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * How long a new trigger waits for its Kafka event before the poll runs it instead (the event normally starts
         * the first attempt within milliseconds; this covers an executor that missed it).
         */
        @WithDefault("30s")
        Duration unclaimedAfter();
    }

    interface Outbox {

        /**
         * How often the relay looks for unsent events it was not woken for ({@code PACTFLOW_OUTBOX_POLL_INTERVAL}): a
         * commit that writes events wakes it at once, so the poll only covers notifications missed while the listening
         * connection was down. Quarkus' scheduler runs nothing more often than once a second.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /** Events published per transaction. */
        @WithDefault("200")
        int batchSize();

        /** How long a batch may wait for Kafka's acknowledgements before it is tried again. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** How long sent events stay in the table (for operators replaying by hand) before they are pruned. */
        @WithDefault("7d")
        Duration sentRetention();
    }
}
