package io.drsuite.task.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every task type this service can run, by name. */
@ApplicationScoped
public class TaskDefinitions {

    private final Map<String, TaskDefinition> byType;

    TaskDefinitions(Instance<TaskDefinition> definitions) {
        this.byType = definitions.stream().collect(Collectors.toUnmodifiableMap(TaskDefinition::type,
                Function.identity()));
    }

    public Optional<TaskDefinition> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * The types whose tasks run until they are cancelled (a WAL archive's streaming): they take a place of their own
     * ({@code drsuite.tasks.max-continuous}), never one of the operations' places.
     */
    public Set<String> continuousTypes() {
        return byType.values().stream()
                .filter(definition -> definition.steps().stream().anyMatch(StepDefinition::endsOnCancel))
                .map(TaskDefinition::type).collect(Collectors.toUnmodifiableSet());
    }
}
