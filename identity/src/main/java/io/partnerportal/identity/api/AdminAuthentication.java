package io.partnerportal.identity.api;

/** Logs in a member of the vendor's team. */
public interface AdminAuthentication {

    /**
     * @return an admin access token
     * @throws io.partnerportal.common.UnauthorizedException when the username or password is wrong
     */
    AccessToken login(String username, String password);
}
