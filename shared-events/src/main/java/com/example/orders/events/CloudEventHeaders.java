package com.example.orders.events;

/** Kafka header names of a CloudEvent 1.0 in binary content mode, plus the saga's lineage extensions. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension: the saga (one per order) this event belongs to. */
    public static final String CORRELATION_ID = "ce_correlationid";
    /** Extension: the {@code ce_id} of the event that caused this one; absent for the event that starts a saga. */
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String CONTENT_TYPE = "content-type";
    /** W3C trace context, so a trace follows the saga across services. */
    public static final String TRACEPARENT = "traceparent";
    /** W3C trace state, beside {@link #TRACEPARENT} when the trace carries vendor state; absent otherwise. */
    public static final String TRACESTATE = "tracestate";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
