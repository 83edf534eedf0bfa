/** The audit log: every configuration change with its actor, time, and before/after. */
module io.partnerportal.audit {
    requires io.partnerportal.common;

    exports io.partnerportal.audit.api;
}
