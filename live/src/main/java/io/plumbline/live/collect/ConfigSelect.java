package io.plumbline.live.collect;

import io.plumbline.live.Clients;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.RecordingGroup;
import software.amazon.awssdk.services.config.model.RecordingStrategyType;

/**
 * The AWS Config accelerator ({@code --use-config}): one advanced query per resource type and region instead of calls
 * per resource. Used by {@link S3Collector} and {@link KmsCollector} before their per-resource calls.
 *
 * <p>{@link #select} answers the type's configuration items only when Config can be trusted for it in this region: a
 * recorder that is recording ({@code DescribeConfigurationRecorderStatus}) and records the type (all supported types,
 * the type listed, or not excluded). Otherwise — or when a call fails (AccessDenied, not enabled, throttled past the
 * retries) or a result is not a configuration item — it answers null with a diagnostic, and the collector reads the
 * type directly as without the option. Nothing here is ever a gap by itself: the direct path decides that.
 */
public final class ConfigSelect {

    public static final String SELECT_RESOURCE_CONFIG = ConfigItems.SELECT_RESOURCE_CONFIG;
    /** The most results one SelectResourceConfig page may carry (API limit). */
    static final int PAGE_LIMIT = 100;

    private ConfigSelect() {
    }

    /** The configuration items of one type, keyed by resource id, and what the query asked for. */
    public record Items(String resourceType, String expression, Map<String, ConfigItems.Item> byId) {
        public ConfigItems.Item get(String id) {
            return byId.get(id);
        }
    }

    /**
     * {@code SELECT properties WHERE resourceType = 'TYPE' AND awsRegion = 'REGION'} through every page, or null when
     * the option is off or Config cannot answer for the type here (then a diagnostic says why and what is read
     * instead). {@code what} names the resources in messages ("S3 buckets").
     */
    public static Items select(Clients clients, CollectContext ctx, String resourceType, List<String> properties,
                               String what) {
        if (!clients.options().useConfig()) return null;
        String expression = "SELECT " + String.join(", ", properties) + " WHERE resourceType = '" + resourceType
                + "' AND awsRegion = '" + ctx.region() + "'";
        try (ConfigClient config = clients.build(ConfigClient.builder(), ctx.region())) {
            String notRecorded;
            try {
                notRecorded = whyNotRecorded(config, resourceType);
            } catch (SdkException e) {
                return fallback(ctx, Diagnostic.Level.WARNING, what, "AWS Config's recorder could not be read ("
                        + ConfigCollector.DESCRIBE_CONFIGURATION_RECORDERS + " / "
                        + ConfigCollector.DESCRIBE_CONFIGURATION_RECORDER_STATUS + ": " + CollectContext.reason(e)
                        + ")", ConfigCollector.DESCRIBE_CONFIGURATION_RECORDERS);
            }
            if (notRecorded != null) {
                return fallback(ctx, Diagnostic.Level.INFO, what, notRecorded,
                        ConfigCollector.DESCRIBE_CONFIGURATION_RECORDER_STATUS);
            }
            Map<String, ConfigItems.Item> byId = new LinkedHashMap<>();
            try {
                List<String> results = new ArrayList<>();
                for (var page : config.selectResourceConfigPaginator(b -> b.expression(expression).limit(PAGE_LIMIT))) {
                    results.addAll(page.results());
                }
                for (String r : results) {
                    ConfigItems.Item item = ConfigItems.parse(r);
                    if (!resourceType.equals(item.resourceType()) && item.resourceType() != null) {
                        throw new IllegalArgumentException("a " + item.resourceType() + " item answered a query for "
                                + resourceType);
                    }
                    String id = item.resourceId();
                    if (id == null || id.isBlank()) {
                        throw new IllegalArgumentException("a configuration item without resourceId: " + abbreviate(r));
                    }
                    byId.put(id, item);
                }
            } catch (SdkException e) {
                return fallback(ctx, Diagnostic.Level.WARNING, what, SELECT_RESOURCE_CONFIG + " failed ("
                        + CollectContext.reason(e) + ")", SELECT_RESOURCE_CONFIG);
            } catch (IllegalArgumentException e) {
                return fallback(ctx, Diagnostic.Level.WARNING, what, SELECT_RESOURCE_CONFIG
                        + " returned a result that is not a usable configuration item (" + e.getMessage() + ")",
                        SELECT_RESOURCE_CONFIG);
            }
            return new Items(resourceType, expression, byId);
        } catch (SdkException e) {
            // building the client (an unknown region, a missing endpoint): same fallback
            return fallback(ctx, Diagnostic.Level.WARNING, what, "no AWS Config client (" + CollectContext.reason(e)
                    + ")", SELECT_RESOURCE_CONFIG);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static Items fallback(CollectContext ctx, Diagnostic.Level level, String what, String why,
                                  String operation) {
        String message = "--use-config: " + why + " " + CollectContext.where(ctx.account(), ctx.region())
                + "; " + what + " are read directly, one call per setting";
        Provenance at = Provenance.live(ctx.account(), ctx.region(), null, operation);
        ctx.diagnostics().add(new Diagnostic(level, message, at));
        return null;
    }

    /**
     * Null when a recorder of this region is recording {@code resourceType}; else why not. Several recorders (a
     * customer-managed one and service-linked ones) may exist: one that records the type and is on suffices.
     */
    static String whyNotRecorded(ConfigClient config, String resourceType) {
        List<ConfigurationRecorder> recorders = config.describeConfigurationRecorders(b -> { })
                .configurationRecorders();
        if (recorders.isEmpty()) return "AWS Config has no configuration recorder";
        Map<String, Boolean> recording = new LinkedHashMap<>();
        for (ConfigurationRecorderStatus s : config.describeConfigurationRecorderStatus(b -> { })
                .configurationRecordersStatus()) {
            recording.put(s.name(), Boolean.TRUE.equals(s.recording()));
        }
        List<String> why = new ArrayList<>();
        for (ConfigurationRecorder r : recorders) {
            boolean covers = covers(r.recordingGroup(), resourceType);
            boolean on = recording.getOrDefault(r.name(), false);
            if (covers && on) return null;
            why.add("recorder " + r.name() + (on ? " is recording" : " is not recording")
                    + (covers ? "" : " and does not record " + resourceType));
        }
        return "AWS Config cannot answer for " + resourceType + ": " + String.join("; ", why);
    }

    /** Whether a recording group records {@code type} (no group: all supported types, the API default). */
    static boolean covers(RecordingGroup g, String type) {
        if (g == null) return true;
        if (g.recordingStrategy() != null
                && g.recordingStrategy().useOnly() == RecordingStrategyType.EXCLUSION_BY_RESOURCE_TYPES) {
            return g.exclusionByResourceTypes() == null
                    || !g.exclusionByResourceTypes().resourceTypesAsStrings().contains(type);
        }
        if (Boolean.TRUE.equals(g.allSupported())) return true;
        return g.resourceTypesAsStrings().contains(type);
    }
}
