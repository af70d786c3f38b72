package io.plumbline.model.ops;

import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.util.List;

/**
 * The replication configuration of a private ECR registry: one per account and region
 * ({@code aws_ecr_replication_configuration}, {@code AWS::ECR::ReplicationConfiguration}, live
 * {@code ecr:DescribeRegistry}). Its region is the source registry's ({@link Resource#region}).
 */
public final class EcrReplicationConfiguration extends Resource {
    /** The rules; an empty list when the registry replicates nothing. */
    public Value<List<Rule>> rules = Value.notInInput();

    /** One destination: a region and the registry (account id) it replicates into. */
    public record Destination(Value<String> region, Value<String> registryId) {
    }

    /**
     * A rule: where it replicates, and which repositories (prefix filters; an empty list means every repository of
     * the registry). ECR's only filter type is {@code PREFIX_MATCH}; another type is kept as {@code filterTypes}.
     */
    public record Rule(Value<List<Destination>> destinations, Value<List<String>> prefixFilters,
                       Value<List<String>> filterTypes) {
    }

    public EcrReplicationConfiguration(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.ECR_REPLICATION_CONFIGURATION;
    }
}
