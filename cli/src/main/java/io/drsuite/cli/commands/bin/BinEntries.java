package io.drsuite.cli.commands.bin;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import io.drsuite.cli.output.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the recycle-bin entry a user means: an entry id as it is, or the name of a dropped object ({@code table} or
 * {@code schema.table}, a bare name in any schema) among the entries still in the bin, narrowed by cluster and
 * database. When the same table was dropped more than once, the latest drop is meant (as Oracle's {@code FLASHBACK
 * TABLE ... TO BEFORE DROP}); when the name is in the bins of several clusters or databases, the user must say which.
 */
final class BinEntries {

    private BinEntries() {
    }

    static JsonNode find(Cli cli, String entry, String cluster, String database) {
        if (isUuid(entry)) {
            return cli.client().get(Service.RECYCLEBIN, ApiPath.of("/api/v1/recyclebin/{}", entry));
        }
        JsonNode recycled = cli.client().get(Service.RECYCLEBIN, ApiPath.of("/api/v1/recyclebin")
                .query("cluster", cluster).query("database", database).query("limit", 500));
        return pick(recycled, entry, cluster, database);
    }

    /** The latest entry named {@code name} among {@code entries} (newest first, as the API lists them). */
    static JsonNode pick(JsonNode entries, String name, String cluster, String database) {
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (named(entry, name)) {
                matches.add(entry);
            }
        }
        String where = (cluster == null ? "" : " of " + cluster) + (database == null ? "" : ", database " + database);
        if (matches.isEmpty()) {
            throw new CliFailure(ExitCode.REFUSED, "nothing named '" + name + "' in the recycle bin" + where
                    + " (drctl bin list" + (cluster == null ? "" : " --cluster " + cluster) + " shows what is there)");
        }
        Set<String> places = new LinkedHashSet<>();
        for (JsonNode match : matches) {
            places.add(Json.text(match, "cluster") + "/" + Json.text(match, "database") + "/"
                    + BinColumns.name(match));
        }
        if (places.size() > 1) {
            throw CliFailure.usage("'" + name + "' is in the bin more than once: " + String.join(", ", places)
                    + "; say which with --cluster, --database, schema.table, or the entry id");
        }
        return matches.get(0);
    }

    private static boolean named(JsonNode entry, String name) {
        return name.equals(Json.text(entry, "originalName")) || name.equals(BinColumns.name(entry));
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
