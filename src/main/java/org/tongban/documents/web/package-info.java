/** The pages of official documents under {@code /office/documents}. */
@org.jspecify.annotations.NullMarked
package org.tongban.documents.web;
