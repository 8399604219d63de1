package io.drsuite.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Two task-service instances on one control plane. Instance A is cut off from the control-plane database in the
 * middle of a DR start's full build (its pg_basebackup held, as a long copy would be); it must fence itself before
 * its lease can have expired: kill the copy, start nothing more, write nothing more. Instance B takes the task over
 * after the lease expires and finishes it; when A's connection comes back, A still leaves the task alone.
 */
@Isolated
@Order(101)
class TaskLeaseFencingSystemTest {

    private static final Duration LEASE_TTL = Duration.ofSeconds(3);
    private static final int ROWS = 200_000;

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void anInstanceCutOffFromTheControlPlaneFencesItselfAndAnotherFinishesTheTask() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("fence-prod");
                PostgresInstance dr = PostgresInstance.primary("fence-dr")) {
            prod.execute("create table t (id int, filler text)",
                    "insert into t select g, repeat('x', 200) from generate_series(1, " + ROWS + ") g");
            api.register("fence-prod", prod);
            api.register("fence-dr", dr);

            // B (the suite's instance) is down while A claims the task, so A is the one running it.
            suite.tasks.close();
            ServiceProcess a = null;
            try (ControlPlaneProxy controlPlane = ControlPlaneProxy.start()) {
                a = ServiceProcess.start("task-service", "task-service-a",
                        Map.of("DRSUITE_DB_URL", controlPlane.jdbcUrl(),
                                "DRSUITE_TASKS_LEASE_TTL", LEASE_TTL.toSeconds() + "s"),
                        LocalInfrastructure.storageConfig());
                long instanceA = a.pid();
                Path logOfA = a.log();
                String[] created = api.create("fence", "fence-prod", "fence-dr", "async");
                String taskId = created[1];

                ProcessHandle copy = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5))
                        .until(() -> child(instanceA, "pg_basebackup"), Optional::isPresent).orElseThrow();
                signal("STOP", copy.pid());
                controlPlane.cut();

                // A fences itself at its last renewal (before the cut) + TTL - margin and kills its copy then; the
                // extra 2 s is for this machine's init to reap the killed process (seen up to ~2 s on 2 busy cores).
                await().atMost(LEASE_TTL.plusSeconds(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> !copy.isAlive());
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> Files.readString(logOfA).contains("fenced"));

                Set<String> startedByA = ConcurrentHashMap.newKeySet();
                Thread watch = Thread.ofVirtual().start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        ProcessHandle.of(instanceA).ifPresent(process -> process.descendants().forEach(
                                child -> startedByA.add(child.info().commandLine().orElse("pid " + child.pid()))));
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                suite.tasks.start();
                api.awaitPhase(created[0], "active", taskId);
                controlPlane.heal();
                // A's stalled calls now reach the database; give them time to be answered and refused.
                Thread.sleep(LEASE_TTL.toMillis());
                watch.interrupt();
                assertThat(startedByA).as("host commands A started after it fenced itself").isEmpty();

                JsonPath task = api.task(taskId);
                assertThat(task.getString("state")).isEqualTo("succeeded");
                assertThat(task.getInt("attempts")).as("claimed by A, then by B").isEqualTo(2);
                Map<String, Object> build = task.getMap("steps.find { it.name == 'full-build-main-standby' }");
                assertThat(build.get("attempts")).as("A started the build, B built it").isEqualTo(2);
                List<String> log = task.getList("log.message", String.class);
                assertThat(log).filteredOn(line -> line.contains("full-build-main-standby succeeded")).hasSize(1);
                assertThat(log).noneMatch(line -> line.contains("failed"));
                assertThat(dr.inRecovery()).isTrue();
                assertThat(dr.count("t")).isEqualTo(ROWS);
                assertThat(prod.streamingStandbys()).hasSize(1);
                assertThat(Files.readString(logOfA)).as("A's log")
                        .contains("fenced")
                        .doesNotContain("rolling back");
            } finally {
                if (a != null) {
                    ProcessHandle.of(a.pid()).ifPresent(process -> process.descendants()
                            .forEach(ProcessHandle::destroyForcibly));
                    a.close();
                }
                if (!suite.tasks.isRunning()) {
                    suite.tasks.start();
                }
            }
        }
    }

    private static Optional<ProcessHandle> child(long pid, String program) {
        return ProcessHandle.of(pid).flatMap(process -> process.descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("/" + program))
                        .orElse(false))
                .findFirst());
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
        assertThat(exit).as("kill -%s %s", signal, pid).isZero();
    }
}
