/** The profile bounded context. Other modules see only its exported packages. */
module io.partnerportal.profile {
    requires io.partnerportal.common;
    requires io.partnerportal.partners;
    requires io.partnerportal.segments;

    // exports its api package once it holds types
}
