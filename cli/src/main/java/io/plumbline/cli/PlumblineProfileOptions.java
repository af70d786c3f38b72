package io.plumbline.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The reference profile's override, under one name in every command. {@code --profile} is the AWS habit for a
 * credentials profile (audit, drift --live); a command that reads no AWS account still accepts the word, only to say
 * which option was meant, so that {@code --profile my-profile.yaml} never silently means something else.
 */
final class PlumblineProfileOptions {
    static final String REFUSAL = "--profile names an AWS credentials profile (audit, drift --live); "
            + "a Plumbline profile file is --plumbline-profile FILE";

    @Option(names = "--plumbline-profile", paramLabel = "FILE",
            description = "A Plumbline profile overriding any part of the reference profile (minimum AZs, retention, "
                    + "regions, tier and role tags, allowed flows).")
    Path file;

    /** Refused at once (exit 2, one line): this command reads no AWS account. */
    @Option(names = "--profile", hidden = true, paramLabel = "NAME")
    String awsProfile;

    /** The profile file, after refusing {@code --profile}. */
    Path file() {
        if (awsProfile != null) throw new IllegalArgumentException(REFUSAL);
        return file;
    }
}
