/** An in-process demo CRM with its own schema: the default connector when no CRM is configured. */
module io.partnerportal.crm.demo {
    requires io.partnerportal.common;
    requires io.partnerportal.crm.api;
    requires io.partnerportal.partners;
}
