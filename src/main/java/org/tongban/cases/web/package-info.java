@org.jspecify.annotations.NullMarked
package org.tongban.cases.web;
