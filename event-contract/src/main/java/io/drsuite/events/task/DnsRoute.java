package io.drsuite.events.task;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * One DNS name a switchover or failover points at the new primary, by an RFC 2136 dynamic update signed with TSIG.
 *
 * @param server the authoritative server's address
 * @param zone the zone the name lives in, e.g. {@code db.example.}
 * @param name the name to point, e.g. {@code shop-rw.db.example.}
 * @param keyName the TSIG key's name
 * @param algorithm the TSIG algorithm, e.g. {@code hmac-sha256}
 * @param secretOwner the id the sealed key is bound to (the cluster's or the relationship's)
 * @param sealedSecret the TSIG key sealed with the suite's secret key, never in clear
 */
@RegisterForReflection
public record DnsRoute(String server, int port, String zone, String name, int ttl, String keyName, String algorithm,
        UUID secretOwner, String sealedSecret) {

    public DnsRoute {
        text(server, "dns.server");
        text(zone, "dns.zone");
        text(name, "dns.name");
        text(keyName, "dns.keyName");
        text(algorithm, "dns.algorithm");
        present(secretOwner, "dns.secretOwner");
        text(sealedSecret, "dns.sealedSecret");
    }
}
