package io.plumbline.live;

import io.plumbline.live.collect.Collector;
import io.plumbline.live.collect.Ec2Collector;
import io.plumbline.live.collect.RdsCollector;
import java.util.List;
import java.util.function.Supplier;

/** Every collector of the live source, one fresh instance per account × region task. */
public final class Collectors {

    private Collectors() {
    }

    public static List<Supplier<Collector>> all() {
        return List.of(Ec2Collector::new, RdsCollector::new);
    }
}
