@org.jspecify.annotations.NullMarked
package org.tongban.workflow.web;
