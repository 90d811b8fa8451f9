@org.jspecify.annotations.NullMarked
package org.tongban.ratings.internal;
