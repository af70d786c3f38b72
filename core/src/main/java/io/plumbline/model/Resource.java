package io.plumbline.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resource of the model. Its {@code address} is what findings name: the Terraform address
 * ({@code module.db.aws_rds_cluster.this}), the CloudFormation logical id, or the ARN of a live resource.
 * Fields of subclasses are {@link Value}s, so every attribute carries its origin and certainty; a source that does not
 * fill a field leaves it {@link Value#notInInput()}, which is unknown, never a silent pass.
 */
public abstract class Resource {

    private final String address;
    private final String sourceType;
    private final Provenance location;
    private final Set<String> aliases = new LinkedHashSet<>();
    private final List<String> folded = new ArrayList<>();
    private final List<DeclaredWaiver> waivers = new ArrayList<>();

    /** The name the resource has in AWS (bucket name, cluster identifier, Name tag...). */
    public Value<String> name = Value.notInInput();
    /** The AWS id or ARN, when the input knows it. */
    public Value<String> awsId = Value.notInInput();
    public Value<Map<String, String>> tags = Value.notInInput();
    public Value<String> region = Value.notInInput();
    public ChangeAction change = ChangeAction.EXISTS;

    protected Resource(String address, String sourceType, Provenance location) {
        this.address = address;
        this.sourceType = sourceType;
        this.location = location == null ? Provenance.NONE : location;
    }

    public abstract Kind kind();

    public String address() {
        return address;
    }

    /** The input's own type name: {@code aws_rds_cluster}, {@code AWS::RDS::DBCluster}, {@code rds:DBCluster}. */
    public String sourceType() {
        return sourceType;
    }

    /** Where the resource itself is declared. */
    public Provenance location() {
        return location;
    }

    /** Other names by which references may point at this resource (ids, names, ARNs, config addresses). */
    public Set<String> aliases() {
        return aliases;
    }

    public void addAlias(String alias) {
        if (alias != null && !alias.isEmpty()) aliases.add(alias);
    }

    /** A tag value, or null when the tag is absent or the tags are unknown. */
    public String tag(String key) {
        return tags.isPresent() ? tags.get().get(key) : null;
    }

    /** Addresses of the input resources folded into this one (split S3 resources, standalone SG rules, routes...). */
    public List<String> folded() {
        return folded;
    }

    /** Waivers the input declares on this resource (or on one folded into it); rules never read them. */
    public List<DeclaredWaiver> waivers() {
        return waivers;
    }

    public void addWaiver(DeclaredWaiver waiver) {
        waivers.add(waiver);
    }

    public void addFolded(String address) {
        folded.add(address);
        addAlias(address);
    }

    @Override
    public String toString() {
        return kind() + " " + address;
    }
}
