package io.plumbline.api;

import io.plumbline.engine.Engine;
import io.plumbline.engine.Result;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.model.Model;
import io.plumbline.profile.Profile;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Rule;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The public entry point: what {@code plumbline check} does, as a library call, so a team can assert compliance from
 * its own tests.
 *
 * <pre>{@code
 * Result result = Plumbline.check().input(Path.of("plan.json")).run();
 * assertFalse(result.gateFails(Severity.HIGH, true));
 * }</pre>
 *
 * Rules are discovered on the class path ({@code plumbline-rules} provides the built-in ones).
 */
public final class Plumbline {
    private Plumbline() {
    }

    public static Check check() {
        return new Check();
    }

    /** Reads inputs into the model without evaluating rules ({@code plumbline inventory}). */
    public static Model inventory(List<Path> inputs, SourceOptions options) {
        return inputs.isEmpty() ? referenceModel(options) : Inputs.load(inputs, options);
    }

    /** The bundled reference example: the reference Terraform plan and CloudFormation template. */
    public static Model referenceModel(SourceOptions options) {
        List<Model> models = new ArrayList<>();
        for (String f : List.of(ReferenceArchitecture.TERRAFORM_PLAN, ReferenceArchitecture.CLOUDFORMATION_TEMPLATE)) {
            models.add(Inputs.load(ReferenceArchitecture.displayName(f), ReferenceArchitecture.read(f), options));
        }
        return Model.merge(models);
    }

    /** One evaluation, configured fluently. */
    public static final class Check {
        private final List<Path> inputs = new ArrayList<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final List<String> ruleIds = new ArrayList<>();
        private Path profileOverride;
        private String region;
        private Path sourceDir;
        private RuleRegistry registry;
        private Model model;

        public Check input(Path file) {
            inputs.add(file);
            return this;
        }

        public Check inputs(List<Path> files) {
            inputs.addAll(files);
            return this;
        }

        /** A user profile that overrides the reference profile. */
        public Check profile(Path file) {
            profileOverride = file;
            return this;
        }

        /** A CloudFormation parameter value. */
        public Check parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        /** The region templates are deployed to. */
        public Check region(String awsRegion) {
            region = awsRegion;
            return this;
        }

        /**
         * The directory of the Terraform sources (.tf) the plans were made from, so that findings point to their
         * blocks and attribute lines. Without it, the plan's directory or the current one is used when its .tf files
         * declare the plan's root module.
         */
        public Check sourceDir(Path dir) {
            sourceDir = dir;
            return this;
        }

        /** Only these rules (by id). */
        public Check rules(List<String> ids) {
            ruleIds.addAll(ids);
            return this;
        }

        /** Evaluate this model (a live audit's, a snapshot's) instead of reading inputs. */
        public Check model(Model collected) {
            model = collected;
            return this;
        }

        public Check registry(RuleRegistry rules) {
            registry = rules;
            return this;
        }

        public Result run() {
            // The profile and the rules load on the second core while the inputs are parsed: a CI gate is one
            // short process, and both are start-up cost.
            CompletableFuture<Profile> profile = CompletableFuture.supplyAsync(
                    () -> ReferenceArchitecture.profile(profileOverride));
            CompletableFuture<List<Rule>> rules = CompletableFuture.supplyAsync(
                    () -> (registry != null ? registry : RuleRegistry.discover()).select(ruleIds));
            SourceOptions options = new SourceOptions(parameters, region, sourceDir);
            Model evaluated = model != null ? model : inventory(inputs, options);
            return Engine.evaluate(evaluated, join(profile), join(rules));
        }

        private static <T> T join(CompletableFuture<T> f) {
            try {
                return f.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw e;
            }
        }
    }
}
