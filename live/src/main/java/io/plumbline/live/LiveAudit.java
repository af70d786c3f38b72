package io.plumbline.live;

import io.plumbline.live.collect.CollectContext;
import io.plumbline.live.collect.Ec2Collector;
import io.plumbline.live.collect.RdsCollector;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Collects a running AWS account into the same typed model the plan and CloudFormation sources fill. Read-only: every
 * client carries {@link ReadOnlyInterceptor}. A failed call never aborts: the kinds it would have filled stay absent
 * and a warning diagnostic names them (rules then report UNKNOWN, never PASS, for what they cannot see).
 */
public final class LiveAudit {

    private LiveAudit() {
    }

    public static Model collect(AuditOptions options) {
        Clients clients = new Clients(options);
        List<Resource> resources = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String account = account(clients, options.regions().get(0), diagnostics);
        for (String region : options.regions()) {
            CollectContext ctx = new CollectContext(account, region);
            try (Ec2Client ec2 = clients.ec2(region); RdsClient rds = clients.rds(region)) {
                new Ec2Collector(ec2, ctx).collectAll();
                new RdsCollector(rds, ctx).collectAll();
            }
            resources.addAll(ctx.resources());
            diagnostics.addAll(ctx.diagnostics());
        }
        return new Model(resources, List.of(), diagnostics);
    }

    /** The account id from sts:GetCallerIdentity, or null (with a warning) when it cannot be read. */
    static String account(Clients clients, String region, List<Diagnostic> diagnostics) {
        try (StsClient sts = clients.sts(region)) {
            return sts.getCallerIdentity().account();
        } catch (SdkException e) {
            diagnostics.add(Diagnostic.warning("could not read the account id (sts:GetCallerIdentity failed: "
                    + e.getMessage() + "); ARNs are built without it", Provenance.live(null, region, null,
                    "sts:GetCallerIdentity")));
            return null;
        }
    }
}
