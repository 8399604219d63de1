package io.drsuite.cli.commands.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.http.EveryPage;
import java.util.regex.Pattern;

/**
 * A relationship as the user names it: by its name (what people type) or by its id (what scripts may keep). The
 * API addresses relationships by id only, so a name is looked up in relationship-service's list.
 */
public final class Relationships {

    static final String PATH = "/api/v1/relationships";
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Relationships() {
    }

    /**
     * The relationship's document as relationship-service lists it (without the live lag), found by name or id.
     *
     * @throws CliFailure exit code 3 when there is none of that name or id
     */
    public static JsonNode find(Cli cli, String nameOrId) {
        if (UUID_SHAPE.matcher(nameOrId).matches()) {
            try {
                return cli.client().get(Service.RELATIONSHIP, ApiPath.of(PATH + "/{}", nameOrId));
            } catch (CliFailure e) {
                if (e.exitCode() == ExitCode.REFUSED) {
                    throw unknown(nameOrId);
                }
                throw e;
            }
        }
        return named(all(cli), nameOrId);
    }

    /** The relationship of that name in a list of relationship documents. */
    static JsonNode named(ArrayNode relationships, String name) {
        for (JsonNode relationship : relationships) {
            if (name.equals(relationship.path("name").asText())) {
                return relationship;
            }
        }
        throw unknown(name);
    }

    /** Every relationship, by name, as relationship-service lists them (stored states, no live lag). */
    public static ArrayNode all(Cli cli) {
        return EveryPage.of(cli, Service.RELATIONSHIP, PATH);
    }

    /** The relationship's id, for the API's paths. */
    public static String id(JsonNode relationship) {
        return relationship.path("id").asText();
    }

    /** The relationship queried live: states, progress, the task in flight and the lag read from both clusters. */
    public static JsonNode query(Cli cli, String id) {
        return cli.client().get(Service.RELATIONSHIP, ApiPath.of(PATH + "/{}", id));
    }

    /** Requests an operation on the relationship ({@code switchover}, {@code failover}, ...); the API's answer. */
    static JsonNode operate(Cli cli, JsonNode relationship, String operation, Object body) {
        return cli.client().post(Service.RELATIONSHIP, ApiPath.of(PATH + "/{}/" + operation, id(relationship)),
                body);
    }

    /** The cluster in a role ({@code primary}, {@code disaster_standby}) of a relationship document. */
    static String cluster(JsonNode relationship, String role) {
        for (JsonNode cluster : relationship.path("clusters")) {
            if (role.equals(cluster.path("role").asText())) {
                return cluster.path("name").asText();
            }
        }
        return "";
    }

    private static CliFailure unknown(String name) {
        return new CliFailure(ExitCode.REFUSED, "no relationship named " + name + " (drctl query lists them)");
    }
}
