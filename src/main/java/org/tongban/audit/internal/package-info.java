@org.jspecify.annotations.NullMarked
package org.tongban.audit.internal;
