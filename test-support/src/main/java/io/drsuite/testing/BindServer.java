package io.drsuite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real BIND 9 ({@code /usr/sbin/named}, Debian's {@code bind9}) started by a test on a free loopback port, primary
 * for one zone that accepts RFC 2136 updates signed with one TSIG key ({@code hmac-sha256}, a fresh random secret).
 *
 * <p>Its folder (under the test run's {@code dns/}) holds {@code named.conf}, the zone file, the journal the updates
 * write and {@code named.log}. named runs in the foreground ({@code -g}) as the user the tests run as, with one worker
 * thread ({@code -n 1}); it needs no privilege on a port above 1024. {@link #close} stops it (SIGTERM).
 */
public final class BindServer implements AutoCloseable {

    public static final String KEY_NAME = "drsuite-test-key";
    public static final String ALGORITHM = "hmac-sha256";
    private static final Path NAMED = Path.of(System.getenv().getOrDefault("DRSUITE_NAMED", "/usr/sbin/named"));
    private static final Duration START_WITHIN = Duration.ofSeconds(20);

    private final Path directory;
    private final int port;
    private final String zone;
    private final String keySecret;
    private Process process;

    private BindServer(Path directory, int port, String zone, String keySecret) {
        this.directory = directory;
        this.port = port;
        this.zone = zone;
        this.keySecret = keySecret;
    }

    /**
     * Starts a primary for {@code zone} (absolute, e.g. {@code db.example.}) with the given A records (absolute name
     * to IPv4 address), and waits until it answers for the zone.
     */
    public static BindServer start(String zone, Map<String, String> addresses) {
        if (!zone.endsWith(".")) {
            throw new IllegalArgumentException("the zone must be absolute (end with '.'): " + zone);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path directory = RepositoryRoot.testRunDir().resolve("dns")
                .resolve(zone.replaceAll("\\.$", "") + "-" + UUID.randomUUID().toString().substring(0, 8));
        BindServer server = new BindServer(directory, FreePorts.next(), zone,
                Base64.getEncoder().encodeToString(secret));
        server.writeConfiguration(addresses);
        server.run();
        return server;
    }

    public int port() {
        return port;
    }

    public String zone() {
        return zone;
    }

    /** The TSIG key's secret, base64, as {@code named.conf} holds it. */
    public String keySecret() {
        return keySecret;
    }

    public Path directory() {
        return directory;
    }

    /**
     * What the server answers for the name now: its A and AAAA addresses, or its CNAME target; empty when the name
     * has none of them.
     */
    public List<String> answer(String name) {
        List<String> answers = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA, Type.CNAME}) {
            Message response = query(name, type);
            for (Record record : response.getSection(Section.ANSWER)) {
                switch (record) {
                    case ARecord a -> answers.add(a.getAddress().getHostAddress());
                    case AAAARecord aaaa -> answers.add(aaaa.getAddress().getHostAddress());
                    case CNAMERecord cname -> answers.add(cname.getTarget().toString());
                    default -> { }
                }
            }
        }
        return answers.stream().distinct().toList();
    }

    /** The TTL the server gives the name's first answer record of the type. */
    public long ttl(String name, int type) {
        return query(name, type).getSection(Section.ANSWER).stream().filter(record -> record.getType() == type)
                .findFirst().map(Record::getTTL).orElseThrow(() -> new AssertionError("no " + Type.string(type)
                        + " record for " + name));
    }

    private Message query(String name, int type) {
        try {
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
            resolver.setTimeout(Duration.ofSeconds(2));
            Message response = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type,
                    org.xbill.DNS.DClass.IN)));
            if (response.getRcode() != Rcode.NOERROR && response.getRcode() != Rcode.NXDOMAIN) {
                throw new IllegalStateException("named answered " + Rcode.string(response.getRcode()) + " for "
                        + name);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("named on port " + port + " does not answer", e);
        }
    }

    private void writeConfiguration(Map<String, String> addresses) {
        String dir = directory.toString();
        StringBuilder records = new StringBuilder();
        addresses.forEach((name, address) -> records.append(name).append(" IN A ").append(address).append('\n'));
        write("named.conf", """
                key "%s" {
                  algorithm %s;
                  secret "%s";
                };
                options {
                  directory "%s";
                  pid-file "%s/named.pid";
                  session-keyfile "%s/session.key";
                  managed-keys-directory "%s";
                  listen-on port %d { 127.0.0.1; };
                  listen-on-v6 { none; };
                  recursion no;
                  dnssec-validation no;
                  notify no;
                };
                controls { };
                zone "%s" {
                  type primary;
                  file "%s/zone.db";
                  allow-update { key "%s"; };
                };
                """.formatted(KEY_NAME, ALGORITHM, keySecret, dir, dir, dir, dir, port, zone, dir, KEY_NAME));
        write("zone.db", """
                $TTL 300
                @ IN SOA ns1.%s hostmaster.%s 1 60 60 3600 30
                @ IN NS ns1.%s
                ns1.%s IN A 127.0.0.1
                %s""".formatted(zone, zone, zone, zone, records));
    }

    private void write(String file, String content) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run() {
        Path log = directory.resolve("named.log");
        try {
            process = new ProcessBuilder(NAMED.toString(), "-g", "-n", "1", "-c",
                    directory.resolve("named.conf").toString(), "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "stop-test-named"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + NAMED + " (Debian's bind9 package)", e);
        }
        Instant giveUp = Instant.now().plus(START_WITHIN);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("named exited with " + process.exitValue() + ":\n" + read(log));
            }
            try {
                if (query(zone, Type.SOA).getRcode() == Rcode.NOERROR) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            if (Instant.now().isAfter(giveUp)) {
                close();
                throw new IllegalStateException("named did not answer within " + START_WITHIN.toSeconds() + " s:\n"
                        + read(log));
            }
            sleep(100);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "named@127.0.0.1:" + port + " for " + zone;
    }
}
