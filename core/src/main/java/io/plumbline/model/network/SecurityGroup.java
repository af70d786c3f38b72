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
    public SecurityGroup(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.SECURITY_GROUP;
    }
}
