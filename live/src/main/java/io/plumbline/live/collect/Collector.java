package io.plumbline.live.collect;

import io.plumbline.live.Clients;

/**
 * Collects one AWS service of one account and region into a {@link CollectContext}. Every call goes through
 * {@link CollectContext#collect}, which names the model kind it fills and the IAM action it needs: a failed call leaves
 * that kind out (and the audit says so), never half of it.
 */
public interface Collector {

    /** The service prefix of its IAM actions: {@code ec2}, {@code elasticloadbalancing}, {@code s3}... */
    String service();

    /** The model kinds it fills: an audit limited to some kinds skips collectors that fill none of them. */
    java.util.Set<io.plumbline.model.Kind> kinds();

    /** Global services (IAM, Route 53, CloudFront) are collected once per account, not once per region. */
    default boolean global() {
        return false;
    }

    /** Collects into {@code ctx}, building its clients from {@code clients} for {@code ctx.region()}. */
    void collect(Clients clients, CollectContext ctx);
}
