package io.plumbline.cli;

import picocli.CommandLine;

/**
 * Test-only entry point: {@link Main} with {@link DriftCommand} registered, until the lead adds it to Main's
 * subcommands. Same error handling as {@link Main#run}.
 */
public final class DriftTestMain {
    private DriftTestMain() {
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        if (!cl.getSubcommands().containsKey("drift")) cl.addSubcommand("drift", new DriftCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("plumbline: " + ex.getMessage());
            return Main.USAGE;
        });
        System.exit(cl.execute(args));
    }
}
