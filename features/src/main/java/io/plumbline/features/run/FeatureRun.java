package io.plumbline.features.run;

import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import io.plumbline.features.Subject;
import io.plumbline.features.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs features in process with Cucumber's own runtime ({@link io.cucumber.core.cli.Main}): the bundled features (from
 * this jar) and/or a team's feature files, against a target, with the step library as glue. The target is loaded
 * first, so an unusable input is an {@link io.plumbline.source.InputException} before any scenario runs; a bad tag
 * expression or a missing features path is an {@link IllegalArgumentException}. Undefined and ambiguous steps fail
 * their scenario (Cucumber 7 is always strict).
 */
public final class FeatureRun {
    /** The bundled features, as Cucumber finds them on the class path. */
    public static final String BUNDLED = "classpath:io/plumbline/features";
    public static final String GLUE = "io.plumbline.features.steps";
    /** The auditor's page ({@link AuditorReport}); Cucumber's interactive page is {@link #CUCUMBER_HTML}. */
    public static final String HTML = "plumbline-features.html";
    public static final String MARKDOWN = "plumbline-features.md";
    public static final String CUCUMBER_HTML = "plumbline-features-cucumber.html";
    public static final String JSON = "plumbline-features.json";
    public static final String MESSAGES = "plumbline-features.ndjson";
    /** Rule id to its scenarios and their verdicts, for Plumbline's own reports. */
    public static final String RULES = "plumbline-features-rules.json";

    private static final Object LOCK = new Object();

    /**
     * @param target the inputs (none: the bundled reference example)
     * @param bundled whether to run the bundled features
     * @param features a team's feature files or directories
     * @param tags a Cucumber tag expression, or null
     * @param out where to write Cucumber's HTML, JSON and message reports (and the rule index), or null
     */
    public record Options(Target target, boolean bundled, List<Path> features, String tags, Path out) {
        public Options {
            features = List.copyOf(features == null ? List.of() : features);
        }

        public static Options bundled(Target target) {
            return new Options(target, true, List.of(), null, null);
        }

        public Options withTags(String expression) {
            return new Options(target, bundled, features, expression, out);
        }

        public Options withOut(Path dir) {
            return new Options(target, bundled, features, tags, dir);
        }
    }

    private FeatureRun() {
    }

    public static Report run(Options o) {
        List<String> argv = new ArrayList<>();
        if (o.tags() != null && !o.tags().isBlank()) {
            try {
                TagExpressionParser.parse(o.tags());
            } catch (TagExpressionException e) {
                throw new IllegalArgumentException("bad tag expression '" + o.tags() + "': " + e.getMessage());
            }
            argv.add("--tags");
            argv.add(o.tags());
        }
        for (Path p : o.features()) {
            if (!Files.exists(p)) throw new IllegalArgumentException(p + ": no such feature file or directory");
        }
        if (!o.bundled() && o.features().isEmpty()) throw new IllegalArgumentException("no features to run");
        Subject subject = Subject.load(o.target());
        argv.add("--glue");
        argv.add(GLUE);
        argv.add("--plugin");
        argv.add(Collector.class.getName());
        if (o.out() != null) {
            try {
                Files.createDirectories(o.out());
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(o.out() + ": cannot create the report directory: " + e.getMessage());
            }
            argv.add("--plugin");
            argv.add("html:" + o.out().resolve(CUCUMBER_HTML));
            argv.add("--plugin");
            argv.add("json:" + o.out().resolve(JSON));
            argv.add("--plugin");
            argv.add("message:" + o.out().resolve(MESSAGES));
        }
        argv.add("--no-summary");
        argv.add("--monochrome");
        if (o.bundled()) argv.add(BUNDLED);
        for (Path p : o.features()) argv.add(p.toString());

        List<ScenarioResult> results = Collections.synchronizedList(new ArrayList<>());
        synchronized (LOCK) {
            Subject.use(subject);
            Collector.open(results);
            String quiet = System.getProperty("cucumber.publish.quiet");
            System.setProperty("cucumber.publish.quiet", "true");
            try {
                io.cucumber.core.cli.Main.run(argv.toArray(String[]::new), FeatureRun.class.getClassLoader());
            } finally {
                if (quiet == null) System.clearProperty("cucumber.publish.quiet");
                else System.setProperty("cucumber.publish.quiet", quiet);
                Collector.close();
                Subject.clear();
            }
        }
        Report report = new Report(results);
        if (o.out() != null) {
            try {
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .writerWithDefaultPrettyPrinter().writeValue(o.out().resolve(RULES).toFile(), report.ruleIndex());
                AuditorReport.writeHtml(report, o.target().describe(), o.out().resolve(HTML));
                AuditorReport.writeMarkdown(report, o.target().describe(), o.out().resolve(MARKDOWN));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return report;
    }
}
