package io.drsuite.platform.persistence;

import jakarta.persistence.AttributeConverter;
import java.util.function.Function;

/**
 * Keeps an enum column as the lower-case word it has always held ({@code physical}, {@code completed},
 * {@code archive}, ...), the same word the API and the events show. A table whose column already holds the
 * constant's name uses {@code @Enumerated(EnumType.STRING)} instead, as {@code task.state} does.
 */
public abstract class WireNameConverter<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Function<E, String> toWord;
    private final Function<String, E> fromWord;

    protected WireNameConverter(Function<E, String> toWord, Function<String, E> fromWord) {
        this.toWord = toWord;
        this.fromWord = fromWord;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : toWord.apply(value);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : fromWord.apply(column);
    }
}
