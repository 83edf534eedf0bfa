/** The profile bounded context. Other modules see only its exported packages. */
module io.partnerportal.profile {
    requires io.partnerportal.common;
    requires io.partnerportal.partners;
    requires io.partnerportal.segments;
    requires io.partnerportal.identity;

    exports io.partnerportal.profile.api;
}
