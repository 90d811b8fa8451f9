@org.jspecify.annotations.NullMarked
package org.tongban.healthcode.web;
