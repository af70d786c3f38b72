package io.plumbline.rules.support;

import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.profile.Profile;

/**
 * Where a resource lives, for the cross-region rules. The input's own region wins (Terraform provider or per-resource
 * {@code region}, live the region it was collected in). A template states no region (catalog §14): a resource whose
 * region is unknown is taken to be in the profile's primary region when the profile names one, and the evidence says
 * so; otherwise its region stays unknown.
 */
public final class Regions {
    private Regions() {
    }

    /** A region and how it was decided. */
    public record Where(String region, String how) {
        public boolean known() {
            return region != null;
        }
    }

    public static Where of(Resource r, Profile profile) {
        Value<String> own = r.region;
        if (own.isPresent() && !own.get().isBlank()) return new Where(own.get(), "region " + own.get());
        if (profile.primaryRegion() != null && !profile.primaryRegion().isBlank()) {
            return new Where(profile.primaryRegion(), "region " + profile.primaryRegion() + " (the profile's primary "
                    + "region: the input does not say" + (own.isUnknown() ? ", " + own.note() : "") + ")");
        }
        return new Where(null, "region unknown" + (own.isUnknown() ? ": " + own.note() : ""));
    }

    /** The region of a resource in the input only, without the profile's assumption (for destinations). */
    public static Where own(Resource r) {
        Value<String> own = r.region;
        if (own.isPresent() && !own.get().isBlank()) return new Where(own.get(), "region " + own.get());
        return new Where(null, "region unknown" + (own.isUnknown() ? ": " + own.note() : ""));
    }
}
