package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;

import io.plumbline.model.Diagnostic;
import io.plumbline.model.GenericResource;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.source.tree.MapNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps evaluated CloudFormation resources onto the model, one service family per {@link FamilyMapper}: typed
 * resources first ({@link #primary}), then the resources that only configure another one are folded into it
 * ({@link #fold}), then what needs the whole template ({@link #finish}: default security group egress, backup
 * selections by tag, secret rotation). A type no family maps is kept as a {@link GenericResource}.
 */
final class ResourceMapper {

    /** One resource of the template, evaluated. {@code uncertain} says why its existence is unknown (else null). */
    record Res(String id, String type, MapNode node, Provenance loc, Ev props, Ev deletionPolicy,
               Ev updateReplacePolicy, String uncertain) {
    }

    private final MappingContext m;
    private final SecurityGroupMapper securityGroups;
    /** In the order their {@link FamilyMapper#finish} runs. */
    private final List<FamilyMapper> families;
    private final Map<String, FamilyMapper> folders = new HashMap<>();

    ResourceMapper(Conv conv, Value<String> region, Map<String, String> types, List<Diagnostic> diagnostics) {
        this.m = new MappingContext(conv, region, types, diagnostics);
        this.securityGroups = new SecurityGroupMapper(m);
        this.families = List.of(new NetworkMapper(m), securityGroups, new LoadBalancerMapper(m), new ComputeMapper(m),
                new DataMapper(m), new KeysAndSecretsMapper(m), new StorageMapper(m), new EdgeMapper(m),
                new OperationsMapper(m), new DeliveryMapper(m));
        for (FamilyMapper f : families) {
            for (String type : f.foldingTypes()) {
                FamilyMapper previous = folders.put(type, f);
                if (previous != null) throw new IllegalStateException(type + " is folded by two families");
            }
        }
    }

    /** Whether {@code type} only configures another resource (folded into it in the second pass). */
    boolean folds(String type) {
        return folders.containsKey(type);
    }

    /** The typed (or generic) resource for a resource that is not a folding type. */
    Resource primary(Res r) {
        Resource out = null;
        for (FamilyMapper f : families) {
            out = f.primary(r);
            if (out != null) break;
        }
        if (out == null) out = new GenericResource(r.id(), r.type(), r.loc());
        common(out, r);
        m.built.put(r.id(), out);
        return out;
    }

    private void common(Resource out, Res r) {
        if (out.tags == Value.<Map<String, String>>notInInput()) out.tags = m.c.tags(get(r.props(), "Tags"));
        out.region = m.region;
    }

    /**
     * Folds a configuring resource into its target; when the target is not in the template (or is not of the expected
     * kind), keeps it as a generic resource with a diagnostic. Returns the generic resource, or null when folded.
     */
    Resource fold(Res r) {
        FamilyMapper family = folders.get(r.type());
        if (family == null) throw new IllegalArgumentException(r.type());
        Resource target = family.fold(r);
        if (target != null) {
            target.addFolded(r.id());
            return null;
        }
        GenericResource g = new GenericResource(r.id(), r.type(), r.loc());
        common(g, r);
        m.built.put(r.id(), g);
        return g;
    }

    /** The placeholder group that folding rule {@code ruleId} made (it takes that rule's place in the model), or null. */
    Resource placeholderMadeBy(String ruleId) {
        return securityGroups.placeholderMadeBy(ruleId);
    }

    int placeholderCount() {
        return securityGroups.placeholderCount();
    }

    void finish() {
        for (FamilyMapper f : families) f.finish();
    }
}
