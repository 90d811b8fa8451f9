/** Shared kernel: value types that many modules need and no module owns (identifiers, masking, GM/T crypto primitives). No beans, no services. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.tongban.shared;
