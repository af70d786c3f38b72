package io.plumbline.source;

/** Unusable input: names the file and the place (line and column when known), and what is wrong. */
public class InputException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public InputException(String file, int line, int column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public InputException(String file, int line, int column, String problem, Throwable cause) {
        this(file, line, column, problem);
        initCause(cause);
    }

    private static String format(String file, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder(file == null ? "(input)" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        return sb.append(": ").append(problem).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
