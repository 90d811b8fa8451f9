@org.jspecify.annotations.NullMarked
package org.tongban.appeals.rest;
