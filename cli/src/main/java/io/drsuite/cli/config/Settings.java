package io.drsuite.cli.config;

import io.drsuite.cli.CliFailure;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the suite is and how to sign in to it. Each setting comes from, in this order: a command-line flag, an
 * environment variable ({@code DRCTL_RELATIONSHIP_URL}, {@code DRCTL_ISSUER}, ...), the config file
 * ({@code ~/.config/drctl/config}: {@code relationship-url = http://...}, {@code issuer = ...}), and last the local
 * suite that {@code ./drsuite run} starts.
 */
public final class Settings {

    /** The identity provider of the local suite. */
    public static final String LOCAL_ISSUER = "http://127.0.0.1:18180/realms/drsuite";
    /** The public client of the drsuite realm meant for the command line. */
    public static final String CLI_CLIENT = "drsuite-cli";

    private final Map<Service, URI> serviceUrls;
    private final URI issuer;
    private final String clientId;
    private final Path configDirectory;

    private Settings(Map<Service, URI> serviceUrls, URI issuer, String clientId, Path configDirectory) {
        this.serviceUrls = serviceUrls;
        this.issuer = issuer;
        this.clientId = clientId;
        this.configDirectory = configDirectory;
    }

    /**
     * @param flags the values given on the command line, by config key ({@code relationship-url}, {@code issuer});
     *              absent ones are not in the map
     */
    public static Settings resolve(Map<String, String> flags, Map<String, String> environment) {
        Path directory = configDirectory(environment);
        Properties file = readConfigFile(directory.resolve("config"));
        Map<Service, URI> urls = new EnumMap<>(Service.class);
        Path fileName = directory.resolve("config");
        for (Service service : Service.values()) {
            urls.put(service, url(flags, environment, file, fileName, service.configKey(),
                    service.environmentVariable(), service.localUrl()));
        }
        URI issuer = url(flags, environment, file, fileName, "issuer", "DRCTL_ISSUER", LOCAL_ISSUER);
        String clientId = first(flags.get("client-id"), environment.get("DRCTL_CLIENT_ID"),
                file.getProperty("client-id")).orElse(CLI_CLIENT);
        return new Settings(urls, issuer, clientId, directory);
    }

    public URI url(Service service) {
        return serviceUrls.get(service);
    }

    public URI issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** Holds the config file and the cached sign-in. */
    public Path configDirectory() {
        return configDirectory;
    }

    static Path configDirectory(Map<String, String> environment) {
        String explicit = environment.get("DRCTL_CONFIG_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("drctl");
    }

    private static Properties readConfigFile(Path file) {
        Properties properties = new Properties();
        if (Files.isReadable(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw CliFailure.usage("cannot read the config file " + file + ": " + e.getMessage());
            }
        }
        return properties;
    }

    /** The first of flag, environment variable, config file and default; an invalid value is named by its source. */
    private static URI url(Map<String, String> flags, Map<String, String> environment, Properties file,
            Path fileName, String key, String variable, String localDefault) {
        if (present(flags.get(key))) {
            return url("--" + key, flags.get(key));
        }
        if (present(environment.get(variable))) {
            return url(variable, environment.get(variable));
        }
        if (present(file.getProperty(key))) {
            return url(key + " in " + fileName, file.getProperty(key));
        }
        return url(key, localDefault);
    }

    private static URI url(String source, String value) {
        try {
            URI uri = new URI(value.trim().replaceAll("/+$", ""));
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http(s) URL");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new URISyntaxException(value, "no query, fragment or user name allowed");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw CliFailure.usage(source + " '" + value + "' is not an http or https URL (like http://host:8081)");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Optional<String> first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }
}
