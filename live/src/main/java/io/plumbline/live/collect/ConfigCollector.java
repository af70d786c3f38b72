package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import io.plumbline.model.ops.ConfigRecorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.RecordingGroup;

/**
 * AWS Config configuration recorders of a region, with their status: whether Config is on is itself an audit
 * finding. A region without a recorder yields no resource (Config is off there). Resource data from Config
 * (SelectResourceConfig) is read by {@link ConfigItems}, not here.
 */
public final class ConfigCollector implements Collector {

    public static final String DESCRIBE_CONFIGURATION_RECORDERS = "config:DescribeConfigurationRecorders";
    public static final String DESCRIBE_CONFIGURATION_RECORDER_STATUS = "config:DescribeConfigurationRecorderStatus";

    private ConfigClient config;
    private CollectContext ctx;

    @Override
    public String service() {
        return "config";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.CONFIG_RECORDER);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (ConfigClient client = clients.build(ConfigClient.builder(), ctx.region())) {
            this.config = client;
            List<ConfigRecorder> recorders = ctx.collect(Kind.CONFIG_RECORDER, "AWS Config recorders",
                    DESCRIBE_CONFIGURATION_RECORDERS, this::recorders);
            if (recorders.isEmpty()) return;
            Value<Map<String, ConfigurationRecorderStatus>> status = ctx.read(DESCRIBE_CONFIGURATION_RECORDER_STATUS,
                    ctx.at(null, DESCRIBE_CONFIGURATION_RECORDER_STATUS), this::status);
            for (ConfigRecorder r : recorders) status(r, status);
        }
    }

    /** DescribeConfigurationRecorders: one call (at most one recorder per region, plus service-linked ones). */
    public List<ConfigRecorder> recorders() {
        List<ConfigRecorder> out = new ArrayList<>();
        for (ConfigurationRecorder x : config.describeConfigurationRecorders(b -> { }).configurationRecorders()) {
            String arn = x.arn() != null ? x.arn() : ctx.arn("config", null, "configuration-recorder/" + x.name());
            Provenance p = ctx.at(arn, DESCRIBE_CONFIGURATION_RECORDERS);
            ConfigRecorder r = new ConfigRecorder(arn, "config:ConfigurationRecorder", p);
            r.awsId = v(arn, p);
            r.name = v(x.name(), p);
            r.region = v(ctx.region(), p);
            r.addAlias(arn);
            r.addAlias(x.name());
            r.roleArn = v(x.roleARN(), p);
            RecordingGroup g = x.recordingGroup();
            if (g == null) {
                // No recording group: Config records all supported types of the region (API default).
                r.allSupported = v(true, p);
                r.includeGlobalResourceTypes = v(false, p);
                r.resourceTypes = v(List.of(), p);
            } else {
                r.allSupported = v(g.allSupported(), p);
                r.includeGlobalResourceTypes = v(g.includeGlobalResourceTypes(), p);
                r.resourceTypes = v(List.copyOf(g.resourceTypesAsStrings()), p);
            }
            out.add(r);
        }
        return out;
    }

    private Map<String, ConfigurationRecorderStatus> status() {
        Map<String, ConfigurationRecorderStatus> out = new HashMap<>();
        for (var s : config.describeConfigurationRecorderStatus(b -> { }).configurationRecordersStatus()) {
            out.put(s.name(), s);
        }
        return out;
    }

    private void status(ConfigRecorder r, Value<Map<String, ConfigurationRecorderStatus>> all) {
        Provenance p = ctx.at(r.address(), DESCRIBE_CONFIGURATION_RECORDER_STATUS);
        if (!all.isPresent()) {
            r.recording = Value.unknown(all.note(), p);
            r.lastStatus = Value.unknown(all.note(), p);
            return;
        }
        ConfigurationRecorderStatus s = all.get().get(r.name.get());
        if (s == null) {
            r.recording = Value.unknown("DescribeConfigurationRecorderStatus did not report recorder " + r.name.get(),
                    p);
            r.lastStatus = Value.unknown("DescribeConfigurationRecorderStatus did not report recorder "
                    + r.name.get(), p);
            return;
        }
        r.recording = v(s.recording(), p);
        r.lastStatus = v(s.lastStatusAsString(), p);
    }
}
