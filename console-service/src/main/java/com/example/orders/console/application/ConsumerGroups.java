package com.example.orders.console.application;

import java.util.List;

/** The consumer groups as the broker sees them. Calls block; each throws {@link OperationNotDone} when it cannot. */
public interface ConsumerGroups {

    /**
     * How far one group is behind on one partition.
     *
     * @param committed
     *            the group's committed offset, or -1 when it committed none there
     * @param lag
     *            records written and not yet committed by the group (from the beginning when it committed none)
     */
    record PartitionLag(String topic, int partition, long committed, long end, long lag) {
    }

    /**
     * @param members
     *            the group's consumers now: none when its service is not running
     */
    record GroupLag(String group, int members, List<PartitionLag> partitions) {

        public long total() {
            return partitions.stream().mapToLong(PartitionLag::lag).sum();
        }
    }

    /** Every catalogued group, each with every partition of the topics it reads. */
    List<GroupLag> lags();
}
