@org.jspecify.annotations.NullMarked
package org.tongban.appeals.web;
