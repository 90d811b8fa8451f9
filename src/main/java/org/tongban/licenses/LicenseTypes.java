package org.tongban.licenses;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.tongban.licenses.internal.LicenseTypeStore;

/** The licence types (证照类型): public reference data, read by everyone. Editing types is not built yet. */
@Service
public class LicenseTypes {

    private final LicenseTypeStore types;

    LicenseTypes(LicenseTypeStore types) {
        this.types = types;
    }

    /** Every type, persons' first, by code. */
    public List<LicenseTypeView> all() {
        return types.all();
    }

    public Optional<LicenseTypeView> find(String code) {
        return types.find(code);
    }

    /** The types a department issues. */
    public List<LicenseTypeView> issuedBy(String department) {
        return types.all().stream().filter(t -> t.issuedBy(department)).toList();
    }
}
