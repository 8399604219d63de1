package io.drsuite.task.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
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
}
