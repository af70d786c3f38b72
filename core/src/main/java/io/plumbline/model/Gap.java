package io.plumbline.model;

/**
 * A part of the state that could not be read: a whole kind in one account and region (a live call denied, throttled
 * past its retries, a region opted out). Rules that read that kind cannot decide there, so their verdicts in that
 * scope become UNKNOWN with this reason, and the absence of resources is never taken for compliance.
 *
 * @param account   the account, or null when not known
 * @param region    the region, or null for a global service
 * @param kind      the kind left out; null when only some attributes of collected resources could not be read
 *                  (those values are UNKNOWN themselves, so rules already say so where they need them)
 * @param operation the call that failed, as an IAM action ({@code ec2:DescribeNetworkAcls})
 * @param reason    the error, as AWS returned it
 */
public record Gap(String account, String region, Kind kind, String operation, String reason) {

    /** Whether a resource with this provenance lies inside the gap's account and region. */
    public boolean covers(Provenance p) {
        if (p == null) return true;
        boolean sameAccount = account == null || p.account() == null || account.equals(p.account());
        boolean sameRegion = region == null || p.region() == null || region.equals(p.region());
        return sameAccount && sameRegion;
    }

    public String display() {
        // Never an empty or "?" account: auditors read these lines (issue 13's "in account  region").
        String where = (region == null ? "the global services" : "region " + region)
                + (account == null || account.isBlank() ? " (account unknown)" : " of account " + account);
        return (kind == null ? "attributes" : kind.toString()) + " in " + where + ": " + operation + " failed ("
                + reason + ")";
    }
}
