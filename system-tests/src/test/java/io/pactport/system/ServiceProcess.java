package io.pactport.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Pactport app started as its own process, the way an operator runs it. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String module;
    private final Process process;
    private final Path log;
    final int port;

    private ServiceProcess(String module, Process process, Path log, int port) {
        this.module = module;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code module}'s packaged app with {@code env} added to this JVM's environment, on a free port. */
    static ServiceProcess start(String module, Map<String, String> env, String... args) throws IOException {
        return startOn(freePort(), module, env, args);
    }

    /** As {@link #start}, on a port chosen before: for services that must be told each other's addresses. */
    static ServiceProcess startOn(int port, String module, Map<String, String> env, String... args) throws IOException {
        Path log = Files.createTempFile(module, ".log");
        List<String> command = new ArrayList<>(
                List.of(javaBin(), "-Xmx256m", "-jar", jar(module).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new ServiceProcess(module, builder.start(), log, port);
    }

    /** Runs a command-mode app to its end and returns its exit code; the output is in {@link #output()}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(module + " did not finish within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Waits until {@code /q/health/ready} answers 200, or fails with the service's log. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(module + " exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(module + " was not ready within " + timeout + ":\n" + output());
    }

    /** Waits until {@code path} answers at all (any status), or fails with the service's log. */
    HttpResponse<String> awaitAnswer(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(module + " exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                return get(path);
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError(module + " did not answer within " + timeout + ":\n" + output());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any request; {@code body} may be null, {@code headers} are name, value pairs. */
    HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public String toString() {
        return module;
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing graceful. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static Path jar(String module) {
        Path jar =
                Path.of(System.getProperty("pactport.root", ".."), module, "target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the suite first (mvn package)");
        }
        return jar;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
