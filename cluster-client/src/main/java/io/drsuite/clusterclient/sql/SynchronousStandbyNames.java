package io.drsuite.clusterclient.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The value of {@code synchronous_standby_names} on a primary, from the cluster's local synchronous standbys and its
 * DR relationship's synchronous main standby.
 *
 * <ul>
 * <li>local only ({@code count} of the listed standbys): {@code ANY count (s1, s2)};</li>
 * <li>DR only: the DR main standby's name, as a sync relationship has always written it;</li>
 * <li>both: {@code ANY count+1 (s1, s2, dr)}: a commit waits until {@code count + 1} of those standbys, local or
 * DR, have it. PostgreSQL takes one list, not a nested rule, so "n local and the DR standby" cannot be said
 * exactly; with {@code count} equal to the number of listed local standbys it means all of them.</li>
 * </ul>
 * Names are the standbys' {@code application_name}s, double-quoted.
 */
public final class SynchronousStandbyNames {

    private SynchronousStandbyNames() {
    }

    /** The value to set, or empty when no commit waits for any standby (reset the setting). */
    public static Optional<String> of(int localCount, List<String> localStandbys, Optional<String> drStandby) {
        List<String> names = new ArrayList<>();
        if (localCount > 0) {
            names.addAll(localStandbys);
        }
        drStandby.ifPresent(names::add);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        if (localCount <= 0) {
            return Optional.of(quoted(drStandby.orElseThrow()));
        }
        int count = Math.min(localCount, localStandbys.size()) + (drStandby.isPresent() ? 1 : 0);
        return Optional.of("ANY " + count + " (" + String.join(", ", names.stream().map(
                SynchronousStandbyNames::quoted).toList()) + ")");
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
