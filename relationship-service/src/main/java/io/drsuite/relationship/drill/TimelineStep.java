package io.drsuite.relationship.drill;

/**
 * A step of the drill's task as it was first reported.
 *
 * @param at when it was reported, ISO-8601
 */
public record TimelineStep(String step, int percent, String at) {
}
