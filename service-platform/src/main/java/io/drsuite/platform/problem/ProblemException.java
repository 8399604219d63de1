package io.drsuite.platform.problem;

/**
 * Thrown by services to end a request with a problem+json response.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(Problem.of("invalid-request", "Invalid request", 400, detail).withField(field));
    }

    public static ProblemException notFound(String what, String detail) {
        return new ProblemException(Problem.of(what + "-not-found", "Not found", 404, detail));
    }

    public static ProblemException conflict(String kind, String detail) {
        return new ProblemException(Problem.of(kind, "Conflict", 409, detail));
    }

    public static ProblemException unprocessable(String kind, String title, String detail) {
        return new ProblemException(Problem.of(kind, title, 422, detail));
    }
}
