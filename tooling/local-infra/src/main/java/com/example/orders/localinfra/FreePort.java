package com.example.orders.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports: finding a free one for a test, and telling whether one is taken. */
public final class FreePort {

    /** Below Linux's ephemeral range (32768 up), where no process is handed a port by bind(0) or connect. */
    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_767;

    /**
     * A loopback port that is free now, chosen at random below the ephemeral range: a port handed out by the system
     * (bind to port 0) could be handed to another process's socket before the caller listens on it.
     */
    public static int find() {
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("no free loopback port between " + LOWEST + " and " + HIGHEST, last);
    }

    /** True when something accepts connections on the loopback port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private FreePort() {
    }
}
