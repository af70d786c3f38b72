package io.plumbline.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shipped least-privilege policy covers every AWS operation the live source can call, and nothing that writes.
 * "Can call" is read from the bytecode of the live module: every method invoked on an SDK service client interface
 * ({@code Ec2Client.describeVpcs}, {@code describeVpcsPaginator}, ...) is an operation, named by the client's service
 * (its {@code SERVICE_NAME}, the IAM prefix) and the method. A collector added without its permission fails here.
 */
class IamPolicyTest {

    /** Calls that need no IAM permission (AWS documents sts:GetCallerIdentity as always allowed). */
    static final Set<String> NEEDS_NO_PERMISSION = Set.of("sts:GetCallerIdentity");
    /** Called with the caller's credentials, not the audit role's: in the caller policy. */
    static final Set<String> CALLER_ONLY = Set.of("sts:AssumeRole", "organizations:ListAccounts");

    static Set<String> operationsInCode() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.plumbline.live");
        Set<String> ops = new TreeSet<>();
        for (JavaClass c : classes) {
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                JavaClass owner = call.getTargetOwner();
                if (!owner.getPackageName().startsWith("software.amazon.awssdk.services.")) continue;
                if (!owner.getSimpleName().endsWith("Client")) continue;
                String method = call.getName();
                if (method.equals("close") || method.equals("serviceName") || method.equals("builder")
                        || method.equals("create") || method.equals("serviceClientConfiguration")
                        || method.equals("waiter") || method.equals("utilities")) {
                    continue;
                }
                if (method.endsWith("Paginator")) method = method.substring(0, method.length() - "Paginator".length());
                ops.add(prefix(owner) + ":" + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            }
        }
        return ops;
    }

    private static String prefix(JavaClass client) {
        try {
            return (String) Class.forName(client.getName()).getField("SERVICE_NAME").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no SERVICE_NAME on " + client.getName(), e);
        }
    }

    static Set<String> actions(String resource) throws Exception {
        try (InputStream in = IamPolicyTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is shipped");
            JsonNode policy = new ObjectMapper().readTree(in);
            assertEquals("2012-10-17", policy.path("Version").asText());
            Set<String> out = new TreeSet<>();
            for (JsonNode st : policy.path("Statement")) {
                assertEquals("Allow", st.path("Effect").asText());
                assertEquals("*", st.path("Resource").asText(), "describe calls are not resource-scoped");
                for (JsonNode a : st.path("Action")) out.add(a.asText());
            }
            return out;
        }
    }

    @Test
    void everyOperationTheCollectorsCanCallIsInThePolicy() throws Exception {
        Set<String> inCode = operationsInCode();
        if (Boolean.getBoolean("plumbline.golden.refresh")) writePolicy(inCode);
        assertTrue(inCode.contains("ec2:DescribeVpcs") && inCode.contains("rds:DescribeDBClusters"),
                () -> "the bytecode scan finds the collectors' calls: " + inCode);
        Set<String> policy = actions(LivePolicies.AUDIT_ROLE_POLICY);
        Set<String> missing = new TreeSet<>(inCode);
        missing.removeAll(policy);
        missing.removeAll(NEEDS_NO_PERMISSION);
        missing.removeAll(CALLER_ONLY);
        assertTrue(missing.isEmpty(), () -> "operations the code can call but the policy does not allow: " + missing);
        Set<String> unused = new TreeSet<>(policy);
        unused.removeAll(inCode);
        assertTrue(unused.isEmpty(), () -> "the policy allows what no collector calls (not least privilege): "
                + unused);
    }

    /** Rewrites the shipped policy from the scan (then review the diff: it is what customers attach). */
    private static void writePolicy(Set<String> inCode) throws Exception {
        Set<String> actions = new TreeSet<>(inCode);
        actions.removeAll(NEEDS_NO_PERMISSION);
        actions.removeAll(CALLER_ONLY);
        StringBuilder sb = new StringBuilder("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n"
                + "      \"Sid\": \"PlumblineAuditReadOnly\",\n      \"Effect\": \"Allow\",\n      \"Action\": [\n");
        int i = 0;
        for (String a : actions) {
            sb.append("        \"").append(a).append('"').append(++i < actions.size() ? ",\n" : "\n");
        }
        sb.append("      ],\n      \"Resource\": \"*\"\n    }\n  ]\n}\n");
        java.nio.file.Path base = java.nio.file.Path.of(System.getProperty("basedir", "."));
        java.nio.file.Files.writeString(base.resolve("src/main/resources" + LivePolicies.AUDIT_ROLE_POLICY),
                sb.toString());
    }

    @Test
    void thePolicyOnlyReads() throws Exception {
        for (String a : actions(LivePolicies.AUDIT_ROLE_POLICY)) {
            String op = a.substring(a.indexOf(':') + 1);
            assertFalse(op.contains("*"), "no wildcards: " + a);
            assertTrue(ReadOnlyInterceptor.isReadOnly(op), "only reads: " + a);
        }
    }

    @Test
    void theCallerPolicyHoldsExactlyWhatMultiAccountAuditsNeed() throws Exception {
        Set<String> inCode = operationsInCode();
        Set<String> caller = actions(LivePolicies.CALLER_POLICY);
        assertEquals(new TreeSet<>(CALLER_ONLY), caller);
        assertTrue(inCode.contains("organizations:ListAccounts"), () -> "the code lists accounts: " + inCode);
        // sts:AssumeRole is called by the SDK's refreshing credentials provider on the live source's behalf
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.plumbline.live");
        assertTrue(classes.stream().anyMatch(c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> d
                .getTargetClass().getName().equals(
                        "software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider"))),
                "roles are assumed through StsAssumeRoleCredentialsProvider");
    }
}
