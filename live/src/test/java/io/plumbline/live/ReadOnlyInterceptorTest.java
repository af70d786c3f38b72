package io.plumbline.live;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;

@ExtendWith(MotoServer.class)
class ReadOnlyInterceptorTest {

    @Test
    void namesAreClassifiedByPrefix() {
        for (String ok : List.of("DescribeVpcs", "ListTagsForResource", "GetCallerIdentity", "SelectResourceConfig",
                "BatchGetResourceConfig", "LookupEvents")) {
            assertTrue(ReadOnlyInterceptor.isReadOnly(ok), ok);
        }
        for (String no : List.of("CreateVpc", "AuthorizeSecurityGroupIngress", "DeleteDBCluster", "ModifyDBCluster",
                "RunInstances", "PutObject", "Describer", "Getaway", "", "describeVpcs")) {
            assertFalse(ReadOnlyInterceptor.isReadOnly(no), no);
        }
        assertFalse(ReadOnlyInterceptor.isReadOnly(null));
    }

    @Test
    void createVpcIsRefusedBeforeItReachesMoto() {
        MotoServer moto = MotoServer.get();
        moto.reset();
        Clients clients = new Clients(moto.options());
        try (Ec2Client ec2 = clients.ec2(MotoServer.REGION); Ec2Client writer = Seed.ec2(moto)) {
            int before = ec2.describeVpcs().vpcs().size();
            assertEquals(before, writer.describeVpcs().vpcs().size());
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> ec2.createVpc(b -> b.cidrBlock("10.99.0.0/16")));
            ReadOnlyInterceptor.WriteRefusedException refused = find(e);
            assertNotNull(refused, () -> "not refused by the interceptor: " + e);
            assertEquals("CreateVpc", refused.operation());
            assertTrue(refused.getMessage().contains("read-only"));
            assertEquals(before, writer.describeVpcs().vpcs().size(), "CreateVpc must not reach moto");
            // and a write client would have succeeded: the count does move when the call is sent
            writer.createVpc(b -> b.cidrBlock("10.99.0.0/16"));
            assertEquals(before + 1, writer.describeVpcs().vpcs().size());
        }
    }

    @Test
    void everyClientOfTheLiveSourceRefusesWrites() {
        MotoServer moto = MotoServer.get();
        moto.reset();
        Clients clients = new Clients(moto.options());
        try (var rds = clients.rds(MotoServer.REGION); var sts = clients.sts(MotoServer.REGION)) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> rds.createDBCluster(b -> b
                    .dbClusterIdentifier("x").engine("aurora-postgresql").masterUsername("a").masterUserPassword("b")));
            assertEquals("CreateDBCluster", find(e).operation());
            assertTrue(rds.describeDBClusters().dbClusters().isEmpty(), "CreateDBCluster must not reach moto");
            e = assertThrows(RuntimeException.class, () -> sts.assumeRole(b -> b
                    .roleArn("arn:aws:iam::111111111111:role/x").roleSessionName("s")));
            assertEquals("AssumeRole", find(e).operation());
            assertEquals("123456789012", sts.getCallerIdentity().account(), "reads still work");
        }
    }

    @Test
    void secretValuesAreRefusedThoughTheyAreGets() {
        MotoServer moto = MotoServer.get();
        moto.reset();
        Clients clients = new Clients(moto.options());
        try (var writer = SeedData.secrets(moto);
             var sm = clients.build(software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder(),
                     MotoServer.REGION)) {
            writer.createSecret(b -> b.name("db/master").secretString("s3cr3t-value"));
            // the same client reads the secret's metadata...
            assertEquals("db/master", sm.describeSecret(b -> b.secretId("db/master")).name());
            // ...and never its value, whatever a collector would try
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> sm.getSecretValue(b -> b.secretId("db/master")));
            assertEquals("GetSecretValue", find(e).operation());
            assertTrue(find(e).getMessage().contains("secret"), find(e).getMessage());
            assertThrows(RuntimeException.class, () -> sm.batchGetSecretValue(b -> b.secretIdList("db/master")));
        }
        for (String op : ReadOnlyInterceptor.SECRET_READS) assertFalse(ReadOnlyInterceptor.isReadOnly(op), op);
        try (var s3 = clients.s3(MotoServer.REGION); var writer = SeedData.s3(moto, MotoServer.REGION)) {
            writer.createBucket(b -> b.bucket("tfstate").createBucketConfiguration(c -> c
                    .locationConstraint(MotoServer.REGION)));
            writer.putObject(b -> b.bucket("tfstate").key("terraform.tfstate"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("{\"secret\": \"s3cr3t\"}"));
            assertNotNull(s3.getBucketVersioning(b -> b.bucket("tfstate")), "configuration reads are sent");
            RuntimeException e = assertThrows(RuntimeException.class, () -> s3.getObject(b -> b.bucket("tfstate")
                    .key("terraform.tfstate")).readAllBytes());
            assertEquals("GetObject", find(e).operation(), "a state file's content is never read");
        }
    }

    private static ReadOnlyInterceptor.WriteRefusedException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ReadOnlyInterceptor.WriteRefusedException w) return w;
        }
        return null;
    }
}
