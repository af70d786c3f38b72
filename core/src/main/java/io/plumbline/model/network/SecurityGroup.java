package io.plumbline.model.network;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A security group with all its rules, inline and standalone, one rule per peer. */
public final class SecurityGroup extends Resource {
    public Value<Ref> vpc = Value.notInInput();
    public Value<String> groupName = Value.notInInput();
    public Value<String> description = Value.notInInput();
    public final List<SgRule> rules = new ArrayList<>();
    /** Set unknown when some rules could not be read, so that no rule concludes from an incomplete list. */
    public Value<Boolean> rulesComplete = Value.explicit(true, Provenance.NONE);
    /**
     * False for a placeholder: a group the input does not declare (an id from a data source, a variable, a parameter,
     * another stack) that standalone rules of the input add rules to. It carries those rules, so that each is judged
     * whatever group it lands on; its other rules are not known ({@link #rulesComplete} is unknown).
     */
    public Value<Boolean> declaredInInput = Value.explicit(true, Provenance.NONE);
    public SecurityGroup(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    /**
     * A placeholder for a group the input does not declare, at {@code address} (its id, or a name for an unknown one),
     * located where the first rule that targets it is declared.
     */
    public static SecurityGroup placeholder(String address, String sourceType, Provenance location) {
        SecurityGroup g = new SecurityGroup(address, sourceType, location);
        g.declaredInInput = Value.explicit(false, location);
        g.rulesComplete = Value.unknown("security group " + address + " is not declared in this input: only the rules "
                + "the input adds to it are known", location);
        g.addAlias(address);
        return g;
    }

    @Override
    public Kind kind() {
        return Kind.SECURITY_GROUP;
    }
}
