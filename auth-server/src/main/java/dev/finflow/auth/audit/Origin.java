package dev.finflow.auth.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where a sign-in came from, coarsely: the caller's IPv4 /24 or IPv6 /48 network, enough to tell "the office" from
 * "another continent" without recording an address that identifies a person's connection.
 */
public final class Origin {

    private Origin() {
    }

    /** The network of a literal address ({@code 192.0.2.0/24}, {@code 2001:db8:1::/48}); null when not one. */
    public static String network(String address) {
        if (address == null || address.isBlank() || !address.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            // A literal (checked above): no name is looked up.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = bytes.length == 4 ? 24 : 48;
            byte[] network = new byte[bytes.length];
            System.arraycopy(bytes, 0, network, 0, prefix / 8);
            return InetAddress.getByAddress(network).getHostAddress().replaceFirst("(:0)+$", "::") + "/" + prefix;
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
