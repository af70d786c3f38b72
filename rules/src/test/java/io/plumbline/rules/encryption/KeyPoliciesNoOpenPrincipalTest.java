package io.plumbline.rules.encryption;

import static io.plumbline.rules.Fixtures.*;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Value;
import io.plumbline.model.security.KmsKey;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class KeyPoliciesNoOpenPrincipalTest {
    private final KeyPoliciesNoOpenPrincipal rule = new KeyPoliciesNoOpenPrincipal();

    private static KmsKey key(String name, Value<String> policy) {
        KmsKey k = new KmsKey("aws_kms_key." + name, "aws_kms_key", at());
        k.keyManager = explicit("CUSTOMER");
        k.policy = policy;
        return k;
    }

    private static Value<String> grant(String principal, String condition) {
        return explicit("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Root\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"Open\",\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"kms:Decrypt\","
                + "\"Resource\":\"*\"" + condition + "}]}");
    }

    @Test
    void wildcardGrantsPassOnlyWhenAConditionPinsTheCaller() {
        Result r = run(rule,
                key("root_only", grant("{\"AWS\":\"arn:aws:iam::111122223333:role/app\"}", "")),
                key("star", grant("\"*\"", "")),
                key("aws_star", grant("{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"]}", "")),
                key("caller", grant("{\"AWS\":\"*\"}", ",\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":"
                        + "\"111122223333\",\"kms:ViaService\":\"s3.eu-west-1.amazonaws.com\"}}")),
                key("org", grant("\"*\"", ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}")),
                key("org_paths", grant("\"*\"", ",\"Condition\":{\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":"
                        + "\"o-abc123/r-ab12/*\"}}")),
                key("via_service", grant("\"*\"", ",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":"
                        + "\"s3.eu-west-1.amazonaws.com\"}}")),
                key("if_exists", grant("\"*\"", ",\"Condition\":{\"StringEqualsIfExists\":{\"aws:SourceAccount\":"
                        + "\"111122223333\"}}")),
                key("negated", grant("\"*\"", ",\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalAccount\":\"1\"}}")),
                key("any_account", grant("\"*\"", ",\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":"
                        + "\"arn:aws:iam::*:role/app\"}}")),
                key("template_account", grant("\"*\"", ",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":"
                        + "\"arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*\"}}")),
                key("not_principal", explicit("{\"Statement\":{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":"
                        + "\"arn:aws:iam::1:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}}")),
                key("deny_star", explicit("{\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
                        + "\"kms:ScheduleKeyDeletion\",\"Resource\":\"*\"}}")));
        expect(r, "aws_kms_key.root_only", Status.PASS, "grants nothing to a wildcard principal");
        expect(r, "aws_kms_key.star", Status.FAIL, "Sid Open", "without any condition");
        expect(r, "aws_kms_key.aws_star", Status.FAIL, "without any condition");
        expect(r, "aws_kms_key.caller", Status.PASS, "kms:CallerAccount");
        expect(r, "aws_kms_key.org", Status.PASS, "aws:PrincipalOrgID");
        expect(r, "aws_kms_key.org_paths", Status.PASS, "aws:PrincipalOrgPaths");
        expect(r, "aws_kms_key.via_service", Status.FAIL, "do not limit who calls", "kms:ViaService");
        expect(r, "aws_kms_key.if_exists", Status.FAIL, "StringEqualsIfExists");
        expect(r, "aws_kms_key.negated", Status.FAIL, "StringNotEquals");
        expect(r, "aws_kms_key.any_account", Status.FAIL, "arn:aws:iam::*:role/app");
        expect(r, "aws_kms_key.template_account", Status.PASS, "aws:SourceArn");
        expect(r, "aws_kms_key.not_principal", Status.FAIL, "everyone else");
        expect(r, "aws_kms_key.deny_star", Status.PASS);
    }

    @Test
    void theDefaultPolicyPassesAndUnknownsStayUnknown() {
        KmsKey managed = key("managed", grant("\"*\"", ""));
        managed.keyManager = explicit("AWS");
        Result r = run(rule,
                key("default", defaulted(Defaults.KMS_DEFAULT_KEY_POLICY)),
                key("later", unknown()),
                key("broken", explicit("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\","
                        + "\"principal\":\"*\"}}")),
                managed);
        expect(r, "aws_kms_key.default", Status.PASS, "default key policy");
        expect(r, "aws_kms_key.later", Status.UNKNOWN, "known only after apply");
        expect(r, "aws_kms_key.broken", Status.UNKNOWN, "case-sensitive");
        expect(r, "aws_kms_key.managed", Status.NOT_APPLICABLE, "AWS-managed");
    }
}
