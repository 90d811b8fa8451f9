@org.jspecify.annotations.NullMarked
package org.tongban.insight.web;
