@org.jspecify.annotations.NullMarked
package org.tongban.identity.internal;
