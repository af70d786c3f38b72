package io.plumbline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.cucumberexpressions.Argument;
import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterType;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.plumbline.features.check.AttributePath;
import io.plumbline.features.check.Expected;
import io.plumbline.features.steps.AttributeSteps;
import io.plumbline.features.steps.ParameterTypes;
import io.plumbline.features.steps.Ports;
import io.plumbline.features.steps.ReachSteps;
import io.plumbline.features.steps.RuleSteps;
import io.plumbline.features.steps.SelectionSteps;
import io.plumbline.features.steps.ZoneSteps;
import io.plumbline.model.Kind;
import io.plumbline.reach.PortSet;
import io.plumbline.reach.Traffic;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The step library's expressions and parameter types, as Cucumber sees them: every step of every bundled feature
 * matches exactly one step definition, the parameter types parse what they match and reject what they must not, and
 * phrases that read alike do not collide.
 */
class StepLibraryTest {
    private static final List<Class<?>> STEPS = List.of(SelectionSteps.class, AttributeSteps.class, ZoneSteps.class,
            ReachSteps.class, RuleSteps.class);

    private record Step(String expressionText, Expression expression, Method method) {
    }

    private static ParameterTypeRegistry registry() {
        ParameterTypeRegistry registry = new ParameterTypeRegistry(Locale.ENGLISH);
        ParameterTypes instance = new ParameterTypes();
        for (Method m : ParameterTypes.class.getDeclaredMethods()) {
            io.cucumber.java.ParameterType pt = m.getAnnotation(io.cucumber.java.ParameterType.class);
            if (pt == null) continue;
            @SuppressWarnings({"unchecked", "rawtypes"})
            ParameterType<?> type = new ParameterType(pt.name(), pt.value(), m.getReturnType(),
                    (io.cucumber.cucumberexpressions.CaptureGroupTransformer<Object>) args -> {
                        try {
                            return m.invoke(instance, (Object[]) args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause() instanceof RuntimeException re ? re : new RuntimeException(e.getCause());
                        }
                    });
            registry.defineParameterType(type);
        }
        return registry;
    }

    private static List<Step> steps() {
        ExpressionFactory factory = new ExpressionFactory(registry());
        List<Step> out = new ArrayList<>();
        for (Class<?> c : STEPS) {
            for (Method m : c.getDeclaredMethods()) {
                String text = m.isAnnotationPresent(Given.class) ? m.getAnnotation(Given.class).value()
                        : m.isAnnotationPresent(Then.class) ? m.getAnnotation(Then.class).value() : null;
                if (text != null) out.add(new Step(text, factory.createExpression(text), m));
            }
        }
        return out;
    }

    private static List<Step> matching(List<Step> steps, String text) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) if (s.expression().match(text) != null) out.add(s);
        return out;
    }

    private static List<Object> args(String text) {
        List<Step> m = matching(steps(), text);
        assertEquals(1, m.size(), () -> text + " matches " + m.stream().map(Step::expressionText).toList());
        List<Object> out = new ArrayList<>();
        for (Argument<?> a : m.get(0).expression().match(text)) out.add(a.getValue());
        return out;
    }

    private static String only(String text) {
        List<Step> m = matching(steps(), text);
        assertEquals(1, m.size(), () -> text + " matches " + m.stream().map(Step::expressionText).toList());
        return m.get(0).expressionText();
    }

    @Test
    void everyBundledStepMatchesExactlyOneDefinitionAndItsArgumentsParse() {
        List<Step> steps = steps();
        int count = 0;
        for (Pickle p : BundledFeatures.pickles()) {
            for (PickleStep ps : p.getSteps()) {
                List<Step> m = matching(steps, ps.getText());
                assertEquals(1, m.size(), () -> p.getUri() + ": '" + ps.getText() + "' matches "
                        + m.stream().map(Step::expressionText).toList());
                for (Argument<?> a : m.get(0).expression().match(ps.getText())) a.getValue();
                count++;
            }
        }
        assertTrue(count > 150, "steps checked: " + count);
    }

    @Test
    void phrasesThatReadAlikeGoToTheirOwnSteps() {
        assertEquals("{attribute} is at least {int}", only("their backup retention period is at least 7"));
        assertEquals("{attribute} is {value}", only("their versioning is \"Enabled\""));
        assertEquals("{attribute} is {value}", only("their publicly accessible flag is false"));
        assertEquals("{attribute} is {value}", only("their region is the secondary region"));
        assertEquals("{attribute} is one of {list}", only("their type is one of \"HTTPS\", \"HTTPS_STR_MATCH\""));
        assertEquals("{attribute} is present", only("their web ACL is present"));
        assertEquals("{attribute} is in {tier}", only("their subnet is in the public tier"));
        assertEquals("{attribute} are all in {tier}", only("their subnets are all in the data tier"));
        assertEquals("{attribute} is a customer-managed key", only("their secrets encryption key is a customer-managed key"));
        assertEquals("they are encrypted with a customer-managed key", only("they are encrypted with a customer-managed key"));
        assertEquals("{tier} reaches {tier} on {traffic}", only("the public tier reaches the app tier on tcp 8443"));
        assertEquals("{tier} reaches {tier} only on {traffic}", only("the app tier reaches the data tier only on tcp 5432, 6379"));
        assertEquals("there is no path from {tier} to {tier}", only("there is no path from \"internet\" to \"data\" tier"));
        assertEquals("there is no path from {tier} to {tier} on {traffic}", only("there is no path from the internet to the app tier on tcp 22, 3389"));
        assertEquals("the {kind} resources", only("the S3 bucket resources"));
        assertEquals("the {kind} resources tagged {string} = {string}", only("the S3 bucket resources tagged \"plumbline:role\" = \"logs\""));
        assertEquals("the {kind} resources in {tier}", only("the subnet resources in the data tier"));
        assertEquals("rule {ruleId} passes", only("rule ENC-001 passes"));
        assertEquals("only those whose {attribute} is {value}", only("only those whose engine is \"redis\""));
        assertEquals("they span at least {int} availability zones", only("they span at least 3 availability zones"));
        assertTrue(matching(steps(), "their retention is at least seven").isEmpty(), "words are not a number");
        assertTrue(matching(steps(), "their versioning is Enabled").isEmpty(), "a string value is quoted");
    }

    @Test
    void argumentsAreTypedValues() {
        List<Object> a = args("the Aurora cluster resources tagged \"env\" = \"prod\"");
        assertEquals(List.of(Kind.DB_CLUSTER, "env", "prod"), a);
        a = args("the status of their replication rules is \"Enabled\"");
        assertEquals(List.of("replication rules", "status"), ((AttributePath) a.get(0)).segments());
        assertEquals(Expected.parse("\"Enabled\""), a.get(1));
        a = args("the internet reaches the public tier only on tcp 80, 443");
        assertEquals("internet", a.get(0).toString());
        assertEquals("public", a.get(1).toString());
        assertEquals(Traffic.tcp(80, 443), ((Ports) a.get(2)).traffic());
        a = args("there is no path from \"app\" to data");
        assertEquals("app", a.get(0).toString());
        assertEquals("data", a.get(1).toString());
        a = args("their replica regions include \"us-west-2\" or the secondary region");
        assertEquals(2, ((List<?>) a.get(1)).size());
    }

    @Test
    void parameterTypesRejectWhatTheyDoNotKnow() {
        ParameterTypes pt = new ParameterTypes();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pt.kind("Aurora clusterz"));
        assertTrue(e.getMessage().contains("Aurora cluster"), e.getMessage());
        assertEquals(Kind.CACHE_REPLICATION_GROUP, pt.kind("Redis replication group"));
        assertEquals(Kind.S3_BUCKET, pt.kind("S3_BUCKET"));
        assertEquals(Kind.NODE_GROUP, pt.kind("node group"));
        assertThrows(IllegalArgumentException.class, () -> Ports.parse("tcp 70000"));
        assertEquals(Traffic.tcp(PortSet.range(1024, 65535)), Ports.parse("tcp 1024-65535").traffic());
        assertEquals(Traffic.ALL, Ports.parse("any traffic").traffic());
        assertFalse("ENC-1".matches(ParameterTypes.RULE_ID));
        assertTrue("ENC-001".matches(ParameterTypes.RULE_ID));
    }
}
