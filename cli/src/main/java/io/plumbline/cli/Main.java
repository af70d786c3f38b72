package io.plumbline.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code plumbline} command line: a thin shell over {@link io.plumbline.api.Plumbline}. */
@Command(name = "plumbline", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Proves an AWS platform stands true to its reference architecture: the same rules on Terraform "
                + "plans, CloudFormation templates and live accounts.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no failing finding at or above the threshold",
                "  1  failing findings at or above the threshold (or unknowns, with --fail-on-unknown)",
                "  2  unusable input or usage error",
                "  3  incomplete audit: part of the state could not be read (and the gate did not fail)"})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    /** A live audit (or its snapshot) could not read part of the state, and nothing else failed the gate. */
    public static final int INCOMPLETE = 3;

    /** Standard error before {@link TerminalSafe}: only for the progress line's own cursor controls. */
    private static PrintStream rawErr = System.err;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns the exit code (for tests). Everything written to standard output and standard
     * error passes through {@link TerminalSafe}, and no error leaves as a stack trace.
     */
    public static int run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream safeOut = TerminalSafe.wrap(out);
        PrintStream safeErr = TerminalSafe.wrap(err);
        rawErr = err;
        System.setOut(safeOut);
        System.setErr(safeErr);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(safeErr, StandardCharsets.UTF_8), true);
        try {
            CommandLine cl = new CommandLine(new Main());
            addSubcommands(cl, args.length == 0 ? null : args[0]);
            cl.setOut(new PrintWriter(new OutputStreamWriter(safeOut, StandardCharsets.UTF_8), true));
            cl.setErr(errWriter);
            cl.setExecutionExceptionHandler(new ErrorHandler());
            cl.setParameterExceptionHandler((ex, a) -> {
                ex.getCommandLine().getErr().println("plumbline: " + ex.getMessage());
                ex.getCommandLine().getErr().println("Try 'plumbline " + ex.getCommandLine().getCommandName()
                        + " --help' for more information.");
                return USAGE;
            });
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            errWriter.println("plumbline: error: out of memory: the input needs more memory than Java was given "
                    + "(raise it, e.g. PLUMBLINE_JAVA_OPTS=-Xmx4g)");
            return USAGE;
        } catch (StackOverflowError e) {
            ErrorHandler.internal(e, errWriter);
            return USAGE;
        } finally {
            errWriter.flush();
            safeOut.flush();
            safeErr.flush();
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * The subcommands, in the order help lists them. Picocli reads a command's annotations (options, mixins, their
     * fields) by reflection when it is added, which costs a short run a noticeable part of its time: when the first
     * argument names a command, only that one is added (it parses and reports the same; its usage names its parent);
     * anything else (help, a version request, an unknown word) gets them all.
     */
    private static void addSubcommands(CommandLine cl, String first) {
        java.util.Map<String, java.util.function.Supplier<Object>> all = new java.util.LinkedHashMap<>();
        all.put("check", CheckCommand::new);
        all.put("audit", AuditCommand::new);
        all.put("rules", RulesCommand::new);
        all.put("inventory", InventoryCommand::new);
        all.put("paths", PathsCommand::new);
        all.put("features", FeaturesCommand::new);
        all.put("drift", DriftCommand::new);
        all.put("help", CommandLine.HelpCommand::new);
        if (first != null && all.containsKey(first) && !"help".equals(first)) {
            cl.addSubcommand(first, all.get(first).get());
            return;
        }
        all.forEach((name, command) -> cl.addSubcommand(name, command.get()));
    }

    /**
     * Standard error unfiltered, for a writer that sends its own terminal controls (the progress line); any text from
     * input written on it must go through {@link TerminalSafe#escape(String)}.
     */
    static PrintStream rawErr() {
        return rawErr;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
