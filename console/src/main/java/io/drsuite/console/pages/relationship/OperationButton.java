package io.drsuite.console.pages.relationship;

/**
 * One operation button of the relationship page: enabled only when the relationship's phase allows the operation
 * and the user's role does; otherwise {@code refusal} says why. {@code consequence} states in words what the
 * operation will do, for its confirmation dialog.
 *
 * @param reason whether the dialog asks why: {@code required}, {@code optional} or {@code none}
 */
public record OperationButton(String operation, String label, String role, String refusal, String consequence,
        String reason, boolean danger) {

    public boolean enabled() {
        return refusal == null;
    }

    public boolean asksReason() {
        return !"none".equals(reason);
    }

    public boolean reasonRequired() {
        return "required".equals(reason);
    }
}
