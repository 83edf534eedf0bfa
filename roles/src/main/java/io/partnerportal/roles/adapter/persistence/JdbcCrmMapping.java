package io.partnerportal.roles.adapter.persistence;

import io.micronaut.transaction.annotation.Transactional;
import io.partnerportal.common.jdbc.Sql;
import io.partnerportal.roles.application.port.CrmMappingStore;
import io.partnerportal.roles.domain.CrmRoleMapping;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

@Singleton
class JdbcCrmMapping implements CrmMappingStore {

    private final Sql sql;

    JdbcCrmMapping(Sql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    public CrmRoleMapping load() {
        List<CrmRoleMapping.Entry> entries = sql.list("SELECT m.crm_value, r.key FROM roles.crm_mapping m "
                        + "JOIN roles.role r ON r.id = m.role_id ORDER BY m.position",
                rs -> new CrmRoleMapping.Entry(rs.getString(1), rs.getString(2)));
        return sql.one("SELECT field, version FROM roles.crm_mapping_setting WHERE id = 1",
                rs -> new CrmRoleMapping(rs.getString(1), entries, rs.getLong(2))).orElse(CrmRoleMapping.EMPTY);
    }

    @Override
    @Transactional
    public void replace(CrmRoleMapping mapping) {
        sql.update("DELETE FROM roles.crm_mapping");
        List<Object[]> rows = new ArrayList<>();
        int position = 0;
        for (CrmRoleMapping.Entry e : mapping.entries()) {
            rows.add(new Object[]{CrmRoleMapping.normalize(e.crmValue()), e.crmValue(), e.roleKey(), ++position});
        }
        sql.batch("INSERT INTO roles.crm_mapping (crm_value_key, crm_value, role_id, position) "
                + "SELECT ?, ?, r.id, ? FROM roles.role r WHERE r.key = ?",
                rows.stream().map(r -> new Object[]{r[0], r[1], r[3], r[2]}).toList());
        sql.update("UPDATE roles.crm_mapping_setting SET field = ?, version = ? WHERE id = 1", mapping.field(),
                mapping.version());
    }

    @Override
    @Transactional
    public long lock() {
        return sql.one("SELECT version FROM roles.crm_mapping_setting WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1))
                .orElse(0L);
    }
}
