package io.drsuite.platform.audit;

import io.drsuite.platform.origin.RequestOrigin;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/** How an HTTP request becomes an audit entry: which requests are audited, and what is read from them. */
final class HttpAuditing {

    static final String API = "/api/";
    private static final String API_V1 = "/api/v1/";
    private static final Set<String> CHANGING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    private HttpAuditing() {
    }

    /** Requests that change something (or try to): every one is recorded, accepted or refused. */
    static boolean audited(String method, String path) {
        return CHANGING_METHODS.contains(method.toUpperCase(Locale.ROOT)) && path.startsWith(API);
    }

    /** The operation: the method and the resource's path template, or the path asked for when none matched. */
    static String operation(String method, String path, SimpleResourceInfo resource) {
        String template = template(resource);
        return method.toUpperCase(Locale.ROOT) + " " + (template == null ? path : template);
    }

    /**
     * What the request acted on, as a path under {@code /api/v1/}: the resource a creation answered with (its
     * {@code Location}), else the path up to the template's last parameter ({@code relationships/{id}} of
     * {@code relationships/{id}/switchover}), else the collection.
     */
    static String target(String path, String location, SimpleResourceInfo resource) {
        if (location != null) {
            String created = URI.create(location).getPath();
            if (created != null && created.startsWith(API_V1)) {
                return created.substring(API_V1.length());
            }
        }
        String template = template(resource);
        String[] asked = path.split("/");
        if (template != null) {
            String[] parts = template.split("/");
            int last = parts.length;
            for (int i = parts.length - 1; i >= 0; i--) {
                if (parts[i].startsWith("{")) {
                    last = i + 1;
                    break;
                }
            }
            if (asked.length >= last) {
                asked = Arrays.copyOf(asked, last);
            }
        }
        String joined = String.join("/", asked);
        return joined.startsWith(API_V1) ? joined.substring(API_V1.length()) : joined;
    }

    static String name(SecurityIdentity caller) {
        String name = RequestOrigin.callerName(caller);
        return name == null ? AuditEntry.ANONYMOUS : name;
    }

    static String subject(SecurityIdentity caller) {
        return caller != null && caller.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
    }

    static List<String> roles(SecurityIdentity caller) {
        return caller == null || caller.isAnonymous() ? List.of() : List.copyOf(caller.getRoles());
    }

    /** The OIDC client the token was issued to ({@code azp}, or {@code client_id} of some providers). */
    static String client(SecurityIdentity caller) {
        if (caller != null && caller.getPrincipal() instanceof JsonWebToken token) {
            Object azp = token.getClaim("azp");
            Object clientId = azp != null ? azp : token.getClaim("client_id");
            return clientId == null ? null : clientId.toString();
        }
        return null;
    }

    static String address(RoutingContext context) {
        SocketAddress remote = context == null ? null : context.request().remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }

    private static String template(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        try {
            Method method = resource.getResourceClass().getMethod(resource.getMethodName(),
                    resource.parameterTypes());
            return TEMPLATES.computeIfAbsent(method, HttpAuditing::template);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String template(Method method) {
        Path type = method.getDeclaringClass().getAnnotation(Path.class);
        Path own = method.getAnnotation(Path.class);
        String joined = (type == null ? "" : type.value()) + (own == null ? "" : "/" + own.value());
        return joined.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }
}
