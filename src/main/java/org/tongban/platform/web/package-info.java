@org.jspecify.annotations.NullMarked
package org.tongban.platform.web;
