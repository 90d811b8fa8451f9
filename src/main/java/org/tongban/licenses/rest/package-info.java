@org.jspecify.annotations.NullMarked
package org.tongban.licenses.rest;
