package io.branchcast.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Ports checks that a port is free before a server is started on it, and finds free port ranges for tests. */
public final class Ports {

    private Ports() {
    }

    /** Fails with a one-line message naming the setting to change when the port is taken. */
    public static void requireFree(String host, int port, String server, String setting) {
        if (!isFree(host, port)) {
            throw new StackException("port " + port + " on " + host + " (" + server + ") is busy: stop what uses it or set "
                    + setting + " to another port");
        }
    }

    /** A random base port whose next {@code count} ports are all free. */
    public static int freeRange(String host, int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20000, 45000);
            boolean allFree = true;
            for (int i = 0; i < count && allFree; i++) {
                allFree = isFree(host, base + i);
            }
            if (allFree) {
                return base;
            }
        }
        throw new StackException("no " + count + " consecutive free ports found on " + host);
    }

    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
