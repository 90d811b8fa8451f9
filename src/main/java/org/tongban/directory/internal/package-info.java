@org.jspecify.annotations.NullMarked
package org.tongban.directory.internal;
