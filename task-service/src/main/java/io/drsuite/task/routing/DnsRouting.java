package io.drsuite.task.routing;

import io.drsuite.events.task.DnsRoute;
import io.drsuite.events.task.DnsRoutes;
import io.drsuite.events.task.DrSteps;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * Points the DNS names a task carries ({@link io.drsuite.events.task.DnsRoutes}) at the new primary, as a step of
 * switchovers and failovers: the operation is done only once every name resolves to the new primary.
 *
 * <p>Each name gets one RFC 2136 update, signed with the route's TSIG key and sent over TCP to the zone's
 * authoritative server: its A, AAAA and CNAME records are deleted and one record for the new primary's host is added
 * (A for an IPv4 address, AAAA for an IPv6 address, CNAME for a host name), with the route's TTL. The step then asks
 * the same server until it answers the name with that address. Sending the same update again changes nothing, so
 * the step can resume.
 */
@ApplicationScoped
public class DnsRouting {

    /** The name of the step that calls {@link #pointNamesAt}. */
    public static final String STEP = DrSteps.POINT_DNS;
    /** Artifact prefix: {@code dns.<name>} is the address the name was pointed at. */
    public static final String ARTIFACT_PREFIX = "dns.";

    private static final Logger LOG = Logger.getLogger(DnsRouting.class);
    private static final Map<String, Name> ALGORITHMS = Map.of(
            "hmac-sha256", TSIG.HMAC_SHA256,
            "hmac-sha384", TSIG.HMAC_SHA384,
            "hmac-sha512", TSIG.HMAC_SHA512);
    private static final Duration POLL = Duration.ofMillis(100);

    private final SecretSealer sealer;
    private final DnsConfig config;

    DnsRouting(SecretSealer sealer, DnsConfig config) {
        this.sealer = sealer;
        this.config = config;
    }

    /** Whether the task carries DNS names to point; without any, the step has nothing to do. */
    public static boolean carriesRoutes(StepContext context) {
        return !DnsRoutes.read(context.parameters()).isEmpty();
    }

    public void pointNamesAt(StepContext context, ManagedNode newPrimary) throws Exception {
        List<DnsRoute> routes = DnsRoutes.read(context.parameters());
        if (routes.isEmpty()) {
            return;
        }
        Target target = Target.of(newPrimary.host());
        for (DnsRoute route : routes) {
            long started = System.nanoTime();
            Name name = absolute(route.name(), "name");
            send(route, name, target);
            long updated = System.nanoTime();
            awaitAnswer(context, route, name, target);
            long answered = System.nanoTime();
            context.record(ARTIFACT_PREFIX + route.name(), target.value());
            String timing = " (update accepted after " + millis(started, updated) + " ms, answered after "
                    + millis(started, answered) + " ms, TTL " + route.ttl() + " s)";
            context.log("pointed " + route.name() + " at " + target.value() + timing);
            LOG.infof("Task %s: pointed %s at %s through %s:%d%s", context.taskId(), route.name(), target.value(),
                    route.server(), route.port(), timing);
        }
    }

    private void send(DnsRoute route, Name name, Target target) throws IOException {
        Name zone = absolute(route.zone(), "zone");
        if (!name.subdomain(zone)) {
            throw new IllegalStateException("the DNS name " + name + " is not in the zone " + zone);
        }
        Update update = new Update(zone);
        update.delete(name, Type.A);
        update.delete(name, Type.AAAA);
        update.delete(name, Type.CNAME);
        update.add(name, target.type(), route.ttl(), target.value());
        SimpleResolver resolver = resolver(route);
        resolver.setTSIGKey(new TSIG(algorithm(route), Name.fromString(route.keyName(), Name.root),
                sealer.open(route.sealedSecret(), SecretBinding.dnsTsigKey(route.secretOwner()))));
        Message response;
        try {
            response = resolver.send(update);
        } catch (IOException e) {
            throw new IOException("the DNS server " + route.server() + ":" + route.port() + " did not take the "
                    + "update of " + name + ": " + e.getMessage(), e);
        }
        if (response.getRcode() != Rcode.NOERROR) {
            throw new IllegalStateException("the DNS server " + route.server() + ":" + route.port()
                    + " refused the update of " + name + " with " + Rcode.string(response.getRcode())
                    + tsigError(response) + "; check the route's zone, key name, algorithm and key, and that the "
                    + "zone allows updates signed with that key");
        }
    }

    private void awaitAnswer(StepContext context, DnsRoute route, Name name, Target target) throws Exception {
        Instant giveUp = Instant.now().plus(config.answerWithin());
        SimpleResolver resolver = resolver(route);
        String last = "no answer yet";
        while (true) {
            context.remaining();
            try {
                Message response = resolver.send(Message.newQuery(Record.newRecord(name, target.type(),
                        DClass.IN)));
                List<Record> answers = response.getSection(Section.ANSWER).stream()
                        .filter(record -> record.getType() == target.type()).toList();
                if (answers.size() == 1 && target.matches(answers.getFirst())) {
                    return;
                }
                last = Rcode.string(response.getRcode()) + " " + answers.stream().map(Record::rdataToString)
                        .toList();
            } catch (IOException e) {
                last = e.getMessage();
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("the DNS server " + route.server() + ":" + route.port()
                        + " accepted the update but did not answer " + name + " with " + target.value() + " within "
                        + config.answerWithin().toSeconds() + " s (last answer: " + last + ")");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private SimpleResolver resolver(DnsRoute route) throws IOException {
        SimpleResolver resolver = new SimpleResolver(route.server());
        resolver.setPort(route.port());
        resolver.setTCP(true);
        resolver.setTimeout(config.requestTimeout());
        return resolver;
    }

    private static Name algorithm(DnsRoute route) {
        Name algorithm = ALGORITHMS.get(route.algorithm().toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            throw new IllegalStateException("TSIG algorithm " + route.algorithm() + " is not one of "
                    + ALGORITHMS.keySet());
        }
        return algorithm;
    }

    private static Name absolute(String text, String field) throws TextParseException {
        Name name = Name.fromString(text);
        if (!name.isAbsolute()) {
            throw new IllegalStateException("the DNS route's " + field + " " + text + " is not absolute (end it "
                    + "with '.')");
        }
        return name;
    }

    private static String tsigError(Message response) {
        TSIGRecord tsig = response.getTSIG();
        if (tsig == null || tsig.getError() == Rcode.NOERROR) {
            return "";
        }
        return " (TSIG " + Rcode.TSIGstring(tsig.getError()) + ")";
    }

    private static long millis(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toMillis();
    }

    /** What a name is pointed at: an A or AAAA record for an address, a CNAME for a host name. */
    record Target(int type, String value) {

        static Target of(String host) {
            if (Address.isDottedQuad(host)) {
                return new Target(Type.A, host);
            }
            if (host.indexOf(':') >= 0) {
                try {
                    return new Target(Type.AAAA, Address.getByAddress(host, Address.IPv6).getHostAddress());
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException("the new primary's host " + host + " is not an IPv6 address");
                }
            }
            return new Target(Type.CNAME, host.endsWith(".") ? host : host + ".");
        }

        boolean matches(Record answer) throws IOException {
            return switch (answer) {
                case ARecord a -> a.getAddress().equals(InetAddress.getByName(value));
                case AAAARecord aaaa -> aaaa.getAddress().equals(InetAddress.getByName(value));
                case CNAMERecord cname -> cname.getTarget().equals(Name.fromString(value));
                default -> false;
            };
        }
    }
}
