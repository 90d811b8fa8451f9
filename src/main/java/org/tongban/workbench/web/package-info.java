@org.jspecify.annotations.NullMarked
package org.tongban.workbench.web;
