@org.jspecify.annotations.NullMarked
package org.tongban.notices.rest;
