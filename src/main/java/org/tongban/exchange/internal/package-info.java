@org.jspecify.annotations.NullMarked
package org.tongban.exchange.internal;
