package io.pactport.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a server that can stop answering, as a PostgreSQL whose host hangs or whose network
 * partitions does: while frozen, connections are accepted and bytes are read but nothing is forwarded either way.
 * {@link #restore()} drops every connection opened until then (as a restarted server would) and forwards again.
 */
public final class FreezingProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean frozen;

    public FreezingProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "freezing-proxy-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void freeze() {
        frozen = true;
    }

    public void restore() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // the listener closed, or the server refused one connection: the client sees it closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            waitWhileFrozen();
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // one side closed, or restore() dropped the connection
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "freezing-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void waitWhileFrozen() throws InterruptedException, IOException {
        synchronized (gate) {
            boolean waited = false;
            while (frozen) {
                waited = true;
                gate.wait();
            }
            if (waited) {
                // bytes read while frozen belong to a connection restore() dropped
                throw new IOException("dropped while frozen");
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        restore();
    }
}
