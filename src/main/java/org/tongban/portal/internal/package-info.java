@org.jspecify.annotations.NullMarked
package org.tongban.portal.internal;
