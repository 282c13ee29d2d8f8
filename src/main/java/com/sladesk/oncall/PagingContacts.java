package com.sladesk.oncall;

import java.util.List;
import java.util.Map;

import com.sladesk.system.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each person is paged, besides e-mail (always): an SMS and a voice number (through the
 * providers' webhooks) and a personal Slack-compatible incoming webhook. Each person sets their own.
 */
@Service
@Transactional(readOnly = true)
public class PagingContacts {

    public static final List<String> CHANNELS = List.of("SMS", "VOICE", "SLACK");

    private final JdbcClient jdbc;
    private final com.sladesk.notification.WebhookAddresses addresses;

    PagingContacts(JdbcClient jdbc, com.sladesk.notification.WebhookAddresses addresses) {
        this.jdbc = jdbc;
        this.addresses = addresses;
    }

    /** Channel to address, for one person. */
    public Map<String, String> of(String username) {
        Map<String, String> contacts = new java.util.LinkedHashMap<>();
        jdbc.sql("select channel, address from paging_contact where username = :u order by channel").param("u", username)
                .query((rs, i) -> contacts.put(rs.getString(1), rs.getString(2))).list();
        return contacts;
    }

    /** Sets (a blank address removes) one channel of one person. */
    @Transactional
    public void set(String username, String channel, String address) {
        String c = channel == null ? "" : channel.trim().toUpperCase();
        if (!CHANNELS.contains(c)) {
            throw new InvalidInputException("channel", "one-of", "channel: SMS, VOICE or SLACK");
        }
        String a = address == null ? "" : address.trim();
        jdbc.sql("delete from paging_contact where username = :u and channel = :c").param("u", username).param("c", c).update();
        if (a.isEmpty()) {
            return;
        }
        if (c.equals("SLACK") ? !a.matches("https?://[^\\s]{1,1990}") : !a.matches("\\+[1-9][0-9]{6,14}")) {
            throw new InvalidInputException("address", c.equals("SLACK") ? "http-url" : "e164",
                    c.equals("SLACK") ? "a Slack-compatible incoming webhook URL (http or https)"
                            : "a phone number in E.164 form, such as +393401234567");
        }
        if (c.equals("SLACK")) {
            addresses.check("address", a); // a personal webhook may not point into our network (SSRF)
        }
        jdbc.sql("insert into paging_contact (username, channel, address) values (:u, :c, :a)").param("u", username)
                .param("c", c).param("a", a).update();
    }
}
