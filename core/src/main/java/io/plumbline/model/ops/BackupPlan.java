package io.plumbline.model.ops;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An AWS Backup plan with its rules and the resources selected into it. */
public final class BackupPlan extends Resource {
    public Value<List<BackupRule>> rules = Value.notInInput();
    public Value<List<Ref>> selectedResources = Value.notInInput();
    public BackupPlan(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.BACKUP_PLAN;
    }
}
