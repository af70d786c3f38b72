package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.model.Provenance;
import io.plumbline.model.storage.BucketWriter;

/** The common part of a live {@link BucketWriter}: identity, what it writes and delivers. */
final class Writers {
    private Writers() {
    }

    /** Tags are not read for writers (only their buckets matter), so they stay "not in the input", never "none". */
    static BucketWriter writer(String arn, String sourceType, String name, String writes, String delivers,
                               Provenance p, CollectContext ctx) {
        BucketWriter w = new BucketWriter(arn, sourceType, p);
        w.awsId = v(name, p);
        w.name = v(name, p);
        w.region = v(ctx.region(), p);
        w.addAlias(name);
        w.addAlias(arn);
        w.writes = v(writes, p);
        w.delivers = v(delivers, p);
        return w;
    }
}
