/** The JSON API of official documents under {@code /api/v1/office/documents}. */
@org.jspecify.annotations.NullMarked
package org.tongban.documents.rest;
