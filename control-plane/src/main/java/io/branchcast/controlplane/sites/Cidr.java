package io.branchcast.controlplane.sites;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Cidr is one IPv4 or IPv6 subnet in CIDR notation, normalized: the address is the network address (no host bits).
 * It never resolves names: only literal addresses are accepted.
 */
public record Cidr(InetAddress network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    public static Cidr parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a subnet is missing");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not CIDR notation (expected e.g. 10.20.0.0/16)");
        }
        String address = text.substring(0, slash).trim();
        if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + text + "' does not start with an IPv4 or IPv6 address");
        }
        InetAddress ip;
        int prefix;
        try {
            ip = InetAddress.getByName(address);
            prefix = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid subnet");
        }
        int bits = ip.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
        }
        BigInteger value = new BigInteger(1, ip.getAddress());
        BigInteger network = value.and(mask(bits, prefix));
        if (!network.equals(value)) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; did you mean " + format(network, bits, prefix) + "?");
        }
        return new Cidr(ip, prefix);
    }

    /** Two subnets overlap when either contains the other's network address. */
    public boolean overlaps(Cidr other) {
        if (network.getAddress().length != other.network.getAddress().length) {
            return false;
        }
        int common = Math.min(prefix, other.prefix);
        int bits = network.getAddress().length * 8;
        BigInteger mask = mask(bits, common);
        return new BigInteger(1, network.getAddress()).and(mask).equals(new BigInteger(1, other.network.getAddress()).and(mask));
    }

    /** Whether the address lies in this subnet. */
    public boolean contains(InetAddress address) {
        return overlaps(new Cidr(address, address.getAddress().length * 8));
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }

    private static BigInteger mask(int bits, int prefix) {
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }

    private static String format(BigInteger network, int bits, int prefix) {
        byte[] raw = network.toByteArray();
        byte[] address = new byte[bits / 8];
        int copy = Math.min(raw.length, address.length);
        System.arraycopy(raw, raw.length - copy, address, address.length - copy, copy);
        try {
            return InetAddress.getByAddress(address).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
