package io.envforge.error;

import java.util.List;

/**
 * The one exception front-ends map to a message and a non-zero exit. It carries one or more {@link Problem}s, each
 * naming file, path, value and fix.
 */
public final class EnvforgeException extends RuntimeException {

    private final transient List<Problem> problems;

    public EnvforgeException(Problem problem) {
        this(List.of(problem), null);
    }

    public EnvforgeException(List<Problem> problems) {
        this(problems, null);
    }

    public EnvforgeException(Problem problem, Throwable cause) {
        this(List.of(problem), cause);
    }

    private EnvforgeException(List<Problem> problems, Throwable cause) {
        super(render(problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an EnvforgeException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(List<Problem> problems) {
        StringBuilder out = new StringBuilder();
        for (Problem p : problems) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(p.render());
        }
        return out.toString();
    }
}
