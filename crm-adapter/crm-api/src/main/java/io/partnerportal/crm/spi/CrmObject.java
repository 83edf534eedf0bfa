package io.partnerportal.crm.spi;

/** The CRM records the portal syncs: companies (partners) and people (contacts). */
public enum CrmObject {
    COMPANY, PERSON;

    public String jsonName() {
        return name().toLowerCase();
    }

    public static CrmObject fromJson(String name) {
        for (CrmObject object : values()) {
            if (object.jsonName().equals(name)) {
                return object;
            }
        }
        throw new IllegalArgumentException("unknown CRM object " + name);
    }
}
