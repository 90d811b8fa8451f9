@org.jspecify.annotations.NullMarked
package org.tongban.policies.rest;
