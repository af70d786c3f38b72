package io.plumbline.drift;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import java.util.Map;
import java.util.Optional;

/**
 * What a reference stands for, comparable across the two sides: a plan ref {@code aws_vpc.main} and a live ref
 * {@code vpc-0abc} are the same when both resolve, each in its own model, to resources matched with each other.
 */
final class Refs {
    private final Model planned;
    private final Model actual;
    private final Map<Resource, Resource> plannedToActual;

    Refs(Model planned, Model actual, Map<Resource, Resource> plannedToActual) {
        this.planned = planned;
        this.actual = actual;
        this.plannedToActual = plannedToActual;
    }

    /**
     * {@code =ADDRESS} of the actual resource the reference stands for; {@code planned:ADDRESS} for a planned resource
     * with no actual counterpart; {@code lit:TARGET} for a literal that resolves nowhere.
     */
    String identity(boolean plannedSide, Resource owner, Ref ref) {
        if (ref == null) return "∅";
        if (plannedSide) {
            Optional<Resource> r = planned.resolve(owner, ref);
            if (r.isPresent()) {
                Resource partner = plannedToActual.get(r.get());
                if (partner != null) return "=" + partner.address();
                // A name held by several resources (a cluster and a log group): the one that has a counterpart.
                for (Class<? extends Resource> type : matchedTypes()) {
                    Resource typed = planned.resolve(owner, ref, type).orElse(null);
                    if (typed != null && plannedToActual.containsKey(typed)) {
                        return "=" + plannedToActual.get(typed).address();
                    }
                }
                return "planned:" + r.get().address();
            }
            // A literal id the plan does not declare (a VPC of another stack): what it names in the actual state.
            Optional<Resource> a = actual.resolve(ref);
            return a.map(x -> "=" + x.address()).orElse("lit:" + ref.target());
        }
        Optional<Resource> r = actual.resolve(owner, ref);
        if (r.isEmpty()) return "lit:" + ref.target();
        if (!plannedToActual.containsValue(r.get())) {
            for (Class<? extends Resource> type : matchedTypes()) {
                Resource typed = actual.resolve(owner, ref, type).orElse(null);
                if (typed != null && plannedToActual.containsValue(typed)) return "=" + typed.address();
            }
        }
        return "=" + r.get().address();
    }

    /**
     * Whether two references stand for the two halves of one matched pair, the planned one read as the kind the
     * actual one resolves to: a DB cluster's {@code db_subnet_group_name} names both the cluster and its subnet group,
     * and only the subnet group is what {@code DBSubnetGroupName: !Ref AuroraSubnetGroup} points at.
     */
    boolean samePair(Resource plannedOwner, Ref plannedRef, Resource actualOwner, Ref actualRef) {
        Resource target = actual.resolve(actualOwner, actualRef).orElse(null);
        if (target == null) return false;
        Resource typed = planned.resolve(plannedOwner, plannedRef, target.getClass()).orElse(null);
        return typed != null && plannedToActual.get(typed) == target;
    }

    /** The model classes of matched resources, in a stable order. */
    private java.util.List<Class<? extends Resource>> matchedTypes() {
        java.util.TreeMap<String, Class<? extends Resource>> types = new java.util.TreeMap<>();
        for (Resource r : plannedToActual.keySet()) types.put(r.getClass().getName(), r.getClass());
        return java.util.List.copyOf(types.values());
    }

    /** The actual resource a reference held by a planned or actual resource stands for, or null. */
    Resource actualTarget(boolean plannedSide, Resource owner, Ref ref) {
        String id = identity(plannedSide, owner, ref);
        return id.startsWith("=") ? actual.byAddress(id.substring(1)).orElse(null) : null;
    }
}
