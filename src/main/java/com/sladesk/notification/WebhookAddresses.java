package com.sladesk.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import com.sladesk.system.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which URLs a webhook that someone outside the team gave us may point at (server-side request
 * forgery): http or https only, and a host whose every address is public, so not loopback,
 * link-local (the cloud metadata service), private, unique-local, carrier-grade NAT, multicast or
 * "this network". {@code sladesk.webhooks.allow-private} lifts the address rule (the tests' receivers
 * listen on 127.0.0.1). Checked when the URL is given and again before each delivery, since a
 * name may resolve elsewhere later.
 */
@Component
public class WebhookAddresses {

    private static final String NOT_FOUND = " is not found";

    private final boolean allowPrivate;

    /** A name that does not resolve now may resolve later (DNS trouble): worth another attempt, unlike a private address. */
    static boolean mayPassLater(String problem) {
        return problem.endsWith(NOT_FOUND);
    }

    WebhookAddresses(@Value("${sladesk.webhooks.allow-private:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Refuses {@code url} with a 400 naming {@code field} and the rule it breaks. */
    public void check(String field, String url) {
        String problem = problem(url);
        if (problem != null) {
            throw new InvalidInputException(field, problem.substring(0, problem.indexOf(':')),
                    problem.substring(problem.indexOf(':') + 1).trim());
        }
    }

    /** Null when {@code url} may be called, else {@code rule: explanation}. */
    String problem(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        }
        catch (Exception e) {
            return "http-or-https: not a URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isBlank()) {
            return "http-or-https: must be an http:// or https:// URL with a host";
        }
        if (uri.getUserInfo() != null) {
            return "http-or-https: must not carry a user name or password";
        }
        if (url.length() > 2000) {
            return "http-or-https: at most 2000 characters";
        }
        if (allowPrivate) {
            return null;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        }
        catch (UnknownHostException e) {
            return "public-address: the host " + uri.getHost() + NOT_FOUND;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                String host = uri.getHost().replaceAll("^\\[|\\]$", "");
                return "public-address: " + (host.equals(address.getHostAddress()) ? host
                        : uri.getHost() + " is " + address.getHostAddress()) + ", a loopback, link-local or private address";
            }
        }
        return null;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            boolean mapped = true; // ::ffff:a.b.c.d, the IPv4 address within
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                }
                catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
