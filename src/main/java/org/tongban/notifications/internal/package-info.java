@org.jspecify.annotations.NullMarked
package org.tongban.notifications.internal;
