/** The experiences bounded context. Other modules see only its exported packages. */
module io.partnerportal.experiences {
    requires io.partnerportal.common;
    requires io.partnerportal.partners;
    requires io.partnerportal.segments;
    requires io.partnerportal.roles;
    requires io.partnerportal.identity;

    // exports its api package once it holds types
}
