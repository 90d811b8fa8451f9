@org.jspecify.annotations.NullMarked
package org.tongban.catalog.internal;
